import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import { concatBytes, readUint32LE } from "@mtkit/mtproto-crypto/bytes";

/**
 * The quick-ack token for an encrypted message: the first 4 bytes (LE) of
 * SHA256(auth_key[88+x..120+x] || plaintext incl. padding) — the msg_key_large of MTProto 2.0 —
 * with the MSB set. x = 0 for what the client sends. The server echoes it as a quick-ack answer.
 * https://core.telegram.org/mtproto/mtproto-transports#quick-ack
 */
export function quickAckToken(
  crypto: Pick<CryptoProvider, "sha256">,
  authKey: Uint8Array,
  plaintext: Uint8Array,
  x: 0 | 8 = 0,
): number {
  const hash = crypto.sha256(concatBytes(authKey.subarray(88 + x, 120 + x), plaintext));
  return (readUint32LE(hash, 0) | 0x80000000) >>> 0;
}
