import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import type { TypeFileHash } from "@mtkit/tl-core/api";
import { FileTransferError } from "../file-transfer-error.js";
import { CDN_HASH_PART } from "../transfer-rules.js";

/**
 * The SHA-256 of each 128 KiB part of a CDN file, as the master DC sent them
 * (https://core.telegram.org/cdn#verifying-files), checked for shape before they are kept.
 */
export class CdnHashes {
  readonly #byOffset = new Map<number, TypeFileHash>();

  add(hashes: readonly TypeFileHash[]): void {
    for (const hash of hashes) {
      const offset = Number(hash.offset);
      if (
        hash.offset < 0n ||
        offset % CDN_HASH_PART !== 0 ||
        hash.limit <= 0 ||
        hash.limit > CDN_HASH_PART ||
        hash.hash.length !== 32
      ) {
        throw new FileTransferError(
          "BAD_HASHES",
          `unusable file hash at offset ${hash.offset.toString()} (limit ${String(hash.limit)})`,
        );
      }
      this.#byOffset.set(offset, hash);
    }
  }

  has(offset: number): boolean {
    return this.#byOffset.has(offset);
  }

  /** Checks `plain` (the decrypted bytes at `offset`, 128 KiB aligned) hash part by hash part. */
  verify(crypto: CryptoProvider, offset: number, plain: Uint8Array): void {
    for (let at = 0; at < plain.length; at += CDN_HASH_PART) {
      const expected = this.#byOffset.get(offset + at);
      if (expected === undefined) throw new FileTransferError("BAD_HASHES", "no hash for this part", offset + at);
      const block = plain.subarray(at, Math.min(plain.length, at + CDN_HASH_PART));
      if (block.length !== expected.limit)
        throw new FileTransferError(
          "HASH_MISMATCH",
          `part is ${String(block.length)} bytes, its hash covers ${String(expected.limit)}`,
          offset + at,
        );
      const actual = crypto.sha256(block);
      if (!actual.every((byte, i) => byte === expected.hash[i]))
        throw new FileTransferError(
          "HASH_MISMATCH",
          "SHA-256 of the decrypted part differs from the master DC's",
          offset + at,
        );
    }
  }
}
