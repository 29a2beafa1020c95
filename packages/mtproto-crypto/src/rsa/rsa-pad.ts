/**
 * RSA_PAD, the req_DH_params encryption of MTProto 2.0
 * (https://core.telegram.org/mtproto/auth_key#41-rsa-paddata-server-public-key-mentioned-above-is-implemented-as-follows):
 *   data_with_padding = data ‖ random up to 192 bytes;  data_pad_reversed = reverse(data_with_padding)
 *   loop: temp_key = random 32 bytes
 *         data_with_hash = data_pad_reversed ‖ SHA256(temp_key ‖ data_with_padding)          (224 bytes)
 *         aes_encrypted = AES256_IGE(data_with_hash, temp_key, iv = 0)
 *         key_aes_encrypted = (temp_key XOR SHA256(aes_encrypted)) ‖ aes_encrypted         (256 bytes)
 *   until key_aes_encrypted < n;  encrypted_data = key_aes_encrypted ^ e mod n (256 bytes).
 */
import type { CryptoProvider } from "../provider.js";
import { bigIntFromBytes } from "../util/bigint.js";
import { bytesEqual, concatBytes, reversed, xorBytes } from "../util/bytes.js";
import { RsaError } from "./rsa-error.js";
import type { RsaPrivateKey, RsaPublicKey } from "./rsa-key.js";
import { rsaDecryptRaw, rsaEncryptRaw } from "./rsa-raw.js";

const PADDED_LENGTH = 192;
const ZERO_IV = new Uint8Array(32);
/** A fresh temp_key succeeds with probability > 1/2 for 2048-bit n; 64 failures means a broken key or RNG. */
const MAX_ATTEMPTS = 64;

export function rsaPadEncrypt(crypto: CryptoProvider, key: RsaPublicKey, data: Uint8Array): Uint8Array {
  if (data.length > 144) throw new RsaError("DATA_TOO_LONG", `RSA_PAD takes at most 144 bytes, got ${data.length}`);
  const dataWithPadding = concatBytes(data, crypto.randomFill(new Uint8Array(PADDED_LENGTH - data.length)));
  const dataPadReversed = reversed(dataWithPadding);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const tempKey = crypto.randomFill(new Uint8Array(32));
    const dataWithHash = concatBytes(dataPadReversed, crypto.sha256(concatBytes(tempKey, dataWithPadding)));
    const aesEncrypted = crypto.aesIgeEncrypt(dataWithHash, tempKey, ZERO_IV);
    const keyAesEncrypted = concatBytes(xorBytes(tempKey, crypto.sha256(aesEncrypted)), aesEncrypted);
    if (bigIntFromBytes(keyAesEncrypted) < key.n) return rsaEncryptRaw(crypto, key, keyAesEncrypted);
  }
  throw new RsaError("UNSUPPORTED_KEY", "no temp_key gave a value below the modulus; is the key 2048-bit?");
}

/**
 * Server side: undoes RSA_PAD and verifies its SHA256, returning the 192-byte data_with_padding
 * (the TL inner data followed by random padding; the TL parser knows where it ends).
 */
export function rsaPadDecrypt(crypto: CryptoProvider, key: RsaPrivateKey, encrypted: Uint8Array): Uint8Array {
  if (encrypted.length !== 256)
    throw new RsaError("INVALID_CIPHERTEXT", `encrypted_data must be 256 bytes, got ${encrypted.length}`);
  const keyAesEncrypted = rsaDecryptRaw(crypto, key, encrypted);
  const aesEncrypted = keyAesEncrypted.subarray(32);
  const tempKey = xorBytes(keyAesEncrypted.subarray(0, 32), crypto.sha256(aesEncrypted));
  const dataWithHash = crypto.aesIgeDecrypt(aesEncrypted, tempKey, ZERO_IV);
  const dataWithPadding = reversed(dataWithHash.subarray(0, PADDED_LENGTH));
  if (!bytesEqual(crypto.sha256(concatBytes(tempKey, dataWithPadding)), dataWithHash.subarray(PADDED_LENGTH))) {
    throw new RsaError("PAD_HASH_MISMATCH", "RSA_PAD hash does not match");
  }
  return dataWithPadding;
}
