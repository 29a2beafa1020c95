import type { FramingProtocol } from "./frame.js";
import { readUint32LE } from "@mtkit/mtproto-crypto/bytes";

/**
 * Recognises the unobfuscated transports from a connection's first (up to 8) bytes:
 * `0xef` abridged, `0xeeeeeeee` intermediate, `0xdddddddd` padded, and the untagged full transport,
 * whose first packet has seq 0 in bytes 4..8 (obfuscation init payloads never do).
 * Returns undefined for "not plain" (obfuscated or garbage) and "need-more" when undecidable yet.
 * https://core.telegram.org/mtproto/mtproto-transports
 */
export function detectPlainProtocol(
  head: Uint8Array,
): { protocol: FramingProtocol; tagLength: number } | undefined | "need-more" {
  if (head.length === 0) return "need-more";
  if (head[0] === 0xef) return { protocol: "abridged", tagLength: 1 };
  if (head.length < 4) return "need-more";
  const first = readUint32LE(head, 0);
  if (first === 0xeeeeeeee) return { protocol: "intermediate", tagLength: 4 };
  if (first === 0xdddddddd) return { protocol: "padded", tagLength: 4 };
  if (head[0] === 0x16 && head[1] === 0x03 && head[2] === 0x01) return undefined;
  if (head.length < 8) return "need-more";
  if (readUint32LE(head, 4) === 0) return { protocol: "full", tagLength: 0 };
  return undefined;
}
