/** Textbook RSA on 256-byte big-endian blocks: the primitive under RSA_PAD. */
import type { CryptoProvider } from "../provider.js";
import { bigIntFromBytes, bigIntToBytes, bitLength, modInverse } from "../util/bigint.js";
import { RsaError } from "./rsa-error.js";
import type { RsaPrivateKey, RsaPublicKey } from "./rsa-key.js";

function byteLengthOf(key: RsaPublicKey): number {
  return Math.ceil(bitLength(key.n) / 8);
}

function toInteger(key: RsaPublicKey, block: Uint8Array): bigint {
  const value = bigIntFromBytes(block);
  if (value >= key.n) throw new RsaError("INVALID_CIPHERTEXT", "RSA input is not below the modulus");
  return value;
}

export function rsaEncryptRaw(crypto: CryptoProvider, key: RsaPublicKey, block: Uint8Array): Uint8Array {
  return bigIntToBytes(crypto.modPow(toInteger(key, block), key.e, key.n), byteLengthOf(key));
}

/** c^d mod n through the CRT (two half-size exponentiations, about 3x faster than one full one). */
export function rsaDecryptRaw(crypto: CryptoProvider, key: RsaPrivateKey, block: Uint8Array): Uint8Array {
  const c = toInteger(key, block);
  const mp = crypto.modPow(c % key.p, key.d % (key.p - 1n), key.p);
  const mq = crypto.modPow(c % key.q, key.d % (key.q - 1n), key.q);
  const h = (modInverse(key.q, key.p) * (mp - mq + key.p)) % key.p;
  return bigIntToBytes(mq + h * key.q, byteLengthOf(key));
}
