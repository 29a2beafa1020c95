/**
 * Values derived during auth key creation (https://core.telegram.org/mtproto/auth_key):
 * the temporary AES key/iv that protect server_DH_inner_data and client_DH_inner_data,
 * new_nonce_hash1/2/3 of dh_gen_ok/retry/fail, and the first server salt.
 */
import type { CryptoProvider } from "../provider.js";
import { concatBytes, readInt64LE } from "../util/bytes.js";
import type { AesKeyIv } from "./message-keys.js";

/**
 * tmp_aes_key = SHA1(new_nonce ‖ server_nonce) ‖ SHA1(server_nonce ‖ new_nonce)[0..12];
 * tmp_aes_iv = SHA1(server_nonce ‖ new_nonce)[12..20] ‖ SHA1(new_nonce ‖ new_nonce) ‖ new_nonce[0..4].
 */
export function deriveTmpAesKeyIv(crypto: CryptoProvider, serverNonce: Uint8Array, newNonce: Uint8Array): AesKeyIv {
  const newServer = crypto.sha1(concatBytes(newNonce, serverNonce));
  const serverNew = crypto.sha1(concatBytes(serverNonce, newNonce));
  const newNew = crypto.sha1(concatBytes(newNonce, newNonce));
  return {
    key: concatBytes(newServer, serverNew.subarray(0, 12)),
    iv: concatBytes(serverNew.subarray(12, 20), newNew, newNonce.subarray(0, 4)),
  };
}

/** new_nonce_hashN = SHA1(new_nonce ‖ byte N ‖ aux_hash)[4..20]; N = 1 ok, 2 retry, 3 fail. */
export function computeNewNonceHash(
  crypto: CryptoProvider,
  newNonce: Uint8Array,
  answer: 1 | 2 | 3,
  auxHash: Uint8Array,
): Uint8Array {
  return crypto.sha1(concatBytes(newNonce, Uint8Array.of(answer), auxHash)).slice(4, 20);
}

/** server_DH_params_fail carries SHA1(new_nonce)[4..20] as new_nonce_hash. */
export function computeDhParamsFailHash(crypto: CryptoProvider, newNonce: Uint8Array): Uint8Array {
  return crypto.sha1(newNonce).slice(4, 20);
}

/** First server_salt = new_nonce[0..8] XOR server_nonce[0..8], as a signed TL `long`. */
export function computeFirstServerSalt(newNonce: Uint8Array, serverNonce: Uint8Array): bigint {
  const salt = new Uint8Array(8);
  for (let i = 0; i < 8; i++) salt[i] = newNonce[i]! ^ serverNonce[i]!;
  return readInt64LE(salt, 0);
}
