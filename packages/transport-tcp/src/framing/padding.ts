import { readUint32LE } from "@mtkit/mtproto-crypto/bytes";

/**
 * Padded intermediate appends 0..15 random bytes after each MTProto message; the receiver drops
 * them using the message's own structure (https://core.telegram.org/mtproto/mtproto-transports#padded-intermediate):
 * - plain message (`auth_key_id = 0`): 8 + 8 + 4 header bytes, then `message_data_length` bytes;
 * - encrypted message: 8 + 16 header bytes, then a multiple of 16 bytes of AES-IGE output.
 * Anything shorter or inconsistent is returned untouched for the session to reject.
 */
export function trimMtprotoPadding(payload: Uint8Array): Uint8Array {
  if (payload.length < 20) return payload;
  let plain = true;
  for (let i = 0; i < 8; i++) if (payload[i] !== 0) plain = false;
  if (plain) {
    const end = 20 + readUint32LE(payload, 16);
    return end <= payload.length ? payload.subarray(0, end) : payload;
  }
  if (payload.length < 24) return payload;
  const end = 24 + Math.floor((payload.length - 24) / 16) * 16;
  return payload.subarray(0, end);
}
