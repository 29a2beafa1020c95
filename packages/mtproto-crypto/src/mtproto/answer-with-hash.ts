/**
 * The "data_with_hash" framing of server_DH_inner_data / client_DH_inner_data before tmp-key
 * AES-IGE (https://core.telegram.org/mtproto/auth_key#presenting-proof-of-work-server-authentication):
 * SHA1(data) ‖ data ‖ 0..15 random bytes up to a multiple of 16.
 */
import type { CryptoProvider } from "../provider.js";
import { bytesEqual, concatBytes } from "../util/bytes.js";
import { HandshakeCryptoError } from "./handshake-crypto-error.js";

export function wrapWithHash(crypto: CryptoProvider, data: Uint8Array, random?: Uint8Array): Uint8Array {
  const paddingLength = (16 - ((20 + data.length) % 16)) % 16;
  const padding = random?.subarray(0, paddingLength) ?? crypto.randomFill(new Uint8Array(paddingLength));
  if (padding.length !== paddingLength) throw new RangeError(`need ${paddingLength} padding bytes`);
  return concatBytes(crypto.sha1(data), data, padding);
}

/**
 * Returns `data` once SHA1 matches. The TL length is not known before parsing, so each of the 16
 * possible padding lengths is tried: no TL parser needed here, and junk cannot pass the hash.
 */
export function unwrapWithHash(crypto: CryptoProvider, decrypted: Uint8Array): Uint8Array {
  if (decrypted.length < 20 || decrypted.length % 16 !== 0) {
    throw new HandshakeCryptoError("ANSWER_HASH_MISMATCH", "decrypted answer has an invalid length");
  }
  const hash = decrypted.subarray(0, 20);
  for (let padding = 0; padding < 16 && 20 + padding <= decrypted.length; padding++) {
    const data = decrypted.subarray(20, decrypted.length - padding);
    if (bytesEqual(crypto.sha1(data), hash)) return data;
  }
  throw new HandshakeCryptoError("ANSWER_HASH_MISMATCH", "SHA1 of the decrypted answer does not match");
}
