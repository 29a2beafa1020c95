/**
 * Client-side DH parameter checks required by https://core.telegram.org/mtproto/auth_key
 * ("Client is expected to check whether p is a safe 2048-bit prime...") and the g_a / g_b range
 * rules of https://core.telegram.org/mtproto/security_guidelines. Used for the auth key, secret
 * chats (messages.getDhConfig) and SRP (account.password p and g).
 */
import type { CryptoProvider } from "../provider.js";
import { bitLength } from "../util/bigint.js";
import { isProbablePrime } from "../util/miller-rabin.js";
import { DhCheckError } from "./dh-error.js";
import { TELEGRAM_DH_PRIME } from "./telegram-dh-prime.js";

/** Primes already proven safe in this process (Telegram's is known up front). */
const verifiedSafePrimes = new Set<bigint>([TELEGRAM_DH_PRIME]);
const MAX_CACHED_PRIMES = 16;

/**
 * The residue rule that makes g generate the subgroup of order (p-1)/2 (g is a quadratic
 * residue mod p): 2: p mod 8 = 7; 3: p mod 3 = 2; 4: always; 5: p mod 5 in {1, 4};
 * 6: p mod 24 in {19, 23}; 7: p mod 7 in {3, 5, 6}.
 */
export function isGeneratorValidFor(p: bigint, g: number): boolean {
  switch (g) {
    case 2:
      return p % 8n === 7n;
    case 3:
      return p % 3n === 2n;
    case 4:
      return true;
    case 5:
      return [1n, 4n].includes(p % 5n);
    case 6:
      return [19n, 23n].includes(p % 24n);
    case 7:
      return [3n, 5n, 6n].includes(p % 7n);
    default:
      return false;
  }
}

/** p and (p - 1) / 2 both prime (20 Miller-Rabin rounds each, witnesses from `crypto.randomFill`). */
export function isSafePrime(crypto: CryptoProvider, p: bigint): boolean {
  if (verifiedSafePrimes.has(p)) return true;
  // Cheap test on the smaller number first: most bad candidates fail there.
  const safe =
    p > 4n && (p & 1n) === 1n && isProbablePrime((p - 1n) / 2n, crypto, 20) && isProbablePrime(p, crypto, 20);
  if (safe) {
    if (verifiedSafePrimes.size >= MAX_CACHED_PRIMES) verifiedSafePrimes.clear();
    verifiedSafePrimes.add(p);
    verifiedSafePrimes.add(TELEGRAM_DH_PRIME);
  }
  return safe;
}

/** Throws DhCheckError unless p is a 2048-bit safe prime and g in 2..7 passes the residue rule. */
export function checkDhParams(crypto: CryptoProvider, p: bigint, g: number): void {
  if (bitLength(p) !== 2048) throw new DhCheckError("PRIME_NOT_2048_BITS", `dh_prime has ${bitLength(p)} bits`);
  if (!isGeneratorValidFor(p, g)) throw new DhCheckError("GENERATOR_INVALID", `g = ${g} is not valid for this prime`);
  if (!isSafePrime(crypto, p)) throw new DhCheckError("PRIME_NOT_SAFE", "dh_prime is not a safe prime");
}

/**
 * g_a, g_b (and g^a of secret chats): 1 < value < p - 1 and, as recommended,
 * 2^(2048-64) <= value <= p - 2^(2048-64), so a malicious peer cannot force a small subgroup.
 */
export function checkDhValue(p: bigint, value: bigint, name = "DH value"): void {
  const margin = 1n << 1984n;
  if (value <= 1n || value >= p - 1n || value < margin || value > p - margin) {
    throw new DhCheckError("VALUE_OUT_OF_RANGE", `${name} is outside 2^1984 .. p - 2^1984`);
  }
}
