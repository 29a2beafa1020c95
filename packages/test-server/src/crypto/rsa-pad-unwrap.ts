// TODO(move to mtproto-crypto): the server half of RSA_PAD; mtproto-crypto has only the client half yet.
import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import { bigIntFromBytes, bytesEqual, xorBytes } from "@mtkit/mtproto-crypto";
import type { RsaServerKey } from "./rsa-server-key.js";

export class RsaPadError extends Error {
  override readonly name = "RsaPadError";
  constructor(readonly code: "BAD_LENGTH" | "NOT_BELOW_MODULUS" | "HASH_MISMATCH", message: string) {
    super(message);
  }
}

/**
 * Reverses RSA_PAD (https://core.telegram.org/mtproto/auth_key#presenting-proof-of-work-server-authentication):
 * RSA-decrypt to temp_key_xor ‖ aes_encrypted, recover temp_key = temp_key_xor XOR SHA256(aes_encrypted),
 * AES-IGE-decrypt with a zero IV to data_pad_reversed ‖ SHA256(temp_key ‖ data_with_padding), check it.
 * Returns the 192-byte data_with_padding (the TL inner data followed by random padding).
 */
export function unwrapRsaPad(crypto: CryptoProvider, key: RsaServerKey, encrypted: Uint8Array): Uint8Array {
  if (encrypted.length !== key.modulusLength) {
    throw new RsaPadError("BAD_LENGTH", `encrypted_data is ${encrypted.length} bytes, expected ${key.modulusLength}`);
  }
  if (bigIntFromBytes(encrypted) >= bigIntFromBytes(key.modulus)) {
    throw new RsaPadError("NOT_BELOW_MODULUS", "encrypted_data is not below the modulus");
  }
  const keyAesEncrypted = key.decryptRaw(encrypted);
  const tempKeyXor = keyAesEncrypted.subarray(0, 32);
  const aesEncrypted = keyAesEncrypted.subarray(32);
  const tempKey = xorBytes(tempKeyXor, crypto.sha256(aesEncrypted));
  const dataWithHash = crypto.aesIgeDecrypt(aesEncrypted, tempKey, new Uint8Array(32));
  const dataWithPadding = dataWithHash.slice(0, 192).reverse();
  const expected = crypto.sha256(concat(tempKey, dataWithPadding));
  if (!bytesEqual(expected, dataWithHash.subarray(192, 224))) {
    throw new RsaPadError("HASH_MISMATCH", "RSA_PAD hash does not match");
  }
  return dataWithPadding;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
