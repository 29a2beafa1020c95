import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import type { TypeFileHash } from "@mtkit/tl-core/api";
import { HASH_PART_SIZE } from "./file-rules.js";
import type { FileContent } from "./file-content.js";

/** How many 128 KiB hashes one answer carries (1 MiB worth). */
const HASHES_PER_ANSWER = 8;

/**
 * SHA-256 of the plain 128 KiB parts from the part holding `offset` on
 * (https://core.telegram.org/cdn#verifying-files); empty past the end of the file.
 */
export function fileHashes(crypto: CryptoProvider, content: FileContent, offset: bigint): TypeFileHash[] {
  const out: TypeFileHash[] = [];
  let at = Number(offset - (offset % BigInt(HASH_PART_SIZE)));
  for (let i = 0; i < HASHES_PER_ANSWER && at < content.size; i++) {
    const bytes = content.read(at, HASH_PART_SIZE);
    out.push({ _: "fileHash", offset: BigInt(at), limit: bytes.length, hash: crypto.sha256(bytes) });
    at += HASH_PART_SIZE;
  }
  return out;
}
