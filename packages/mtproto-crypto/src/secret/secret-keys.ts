/**
 * Secret-chat key identifiers (https://core.telegram.org/api/end-to-end):
 * key_fingerprint = the 64 lower-order bits of SHA1(key) as a little-endian `long`;
 * the key visualisation = SHA1(initial key)[0..16] ‖ SHA256(key at the layer-46 upgrade)[0..20];
 * an encrypted file's key_fingerprint = int32(MD5(key ‖ iv)[0..4]) XOR int32(MD5(key ‖ iv)[4..8]).
 */
import type { CryptoProvider } from "../provider.js";
import { concatBytes, readInt32LE, readInt64LE } from "../util/bytes.js";
import { SecretChatError } from "./secret-chat-error.js";

export function checkSecretKey(key: Uint8Array): void {
  if (key.length !== 256)
    throw new SecretChatError("INVALID_KEY", `secret chat key must be 256 bytes, got ${key.length}`);
}

export function secretKeyFingerprint(crypto: CryptoProvider, key: Uint8Array): bigint {
  checkSecretKey(key);
  return readInt64LE(crypto.sha1(key), 12);
}

/**
 * 36 bytes to draw as the key image / emoji: the first 16 for the legacy picture, all 36 for the
 * layer >= 46 text. `layer46Key` defaults to the initial key (a chat never re-keyed).
 */
export function secretKeyVisualization(
  crypto: CryptoProvider,
  initialKey: Uint8Array,
  layer46Key = initialKey,
): Uint8Array {
  checkSecretKey(initialKey);
  checkSecretKey(layer46Key);
  return concatBytes(crypto.sha1(initialKey).subarray(0, 16), crypto.sha256(layer46Key).subarray(0, 20));
}

/** Signed int32 fingerprint of an encrypted file's 32-byte key and 32-byte iv. */
export function encryptedFileFingerprint(crypto: CryptoProvider, key: Uint8Array, iv: Uint8Array): number {
  const digest = crypto.md5(concatBytes(key, iv));
  return readInt32LE(digest, 0) ^ readInt32LE(digest, 4);
}
