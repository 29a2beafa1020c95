/**
 * The password hashing of passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow
 * (https://core.telegram.org/api/srp#checking-the-password-with-srp):
 *   SH(data, salt) = SHA256(salt ‖ data ‖ salt);  PH1 = SH(SH(password, salt1), salt2)
 *   PH2 = SH(PBKDF2-HMAC-SHA512(PH1, salt1, 100000 iterations, 64 bytes), salt2);  x = PH2 as an integer.
 */
import type { CryptoProvider } from "../provider.js";
import { bigIntFromBytes, bigIntToBytes } from "../util/bigint.js";
import { concatBytes } from "../util/bytes.js";

export const SRP_PBKDF2_ITERATIONS = 100000;

/** The algorithm fields of passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow. */
export interface SrpAlgorithm {
  readonly salt1: Uint8Array;
  readonly salt2: Uint8Array;
  readonly g: number;
  /** The 2048-bit prime as 256 big-endian bytes. */
  readonly p: Uint8Array;
}

function saltedHash(crypto: CryptoProvider, data: Uint8Array, salt: Uint8Array): Uint8Array {
  return crypto.sha256(concatBytes(salt, data, salt));
}

export function passwordToBytes(password: string | Uint8Array): Uint8Array {
  return typeof password === "string" ? new TextEncoder().encode(password) : password;
}

/** PH2(password, salt1, salt2): the 32-byte x of SRP. */
export function computePasswordHash(
  crypto: CryptoProvider,
  algo: SrpAlgorithm,
  password: string | Uint8Array,
): Uint8Array {
  const ph1 = saltedHash(crypto, saltedHash(crypto, passwordToBytes(password), algo.salt1), algo.salt2);
  return saltedHash(crypto, crypto.pbkdf2Sha512(ph1, algo.salt1, SRP_PBKDF2_ITERATIONS, 64), algo.salt2);
}

/** v = g^x mod p as 256 bytes: `new_password_hash` for account.updatePasswordSettings, and the server's verifier. */
export function computePasswordVerifier(
  crypto: CryptoProvider,
  algo: SrpAlgorithm,
  password: string | Uint8Array,
): Uint8Array {
  const x = bigIntFromBytes(computePasswordHash(crypto, algo, password));
  return bigIntToBytes(crypto.modPow(BigInt(algo.g), x, bigIntFromBytes(algo.p)), 256);
}

/** A new password's salt1: the server's new_algo.salt1 followed by 32 random bytes, as the spec requires. */
export function extendNewPasswordSalt1(crypto: CryptoProvider, serverSalt1: Uint8Array): Uint8Array {
  return concatBytes(serverSalt1, crypto.randomFill(new Uint8Array(32)));
}
