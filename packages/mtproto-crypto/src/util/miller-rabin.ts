/**
 * Miller-Rabin probable-prime test. MTProto requires clients to check that dh_prime and
 * (dh_prime - 1) / 2 are prime (https://core.telegram.org/mtproto/auth_key#presenting-proof-of-work-server-authentication).
 * Witnesses come from the injected random source, so an adversary cannot pick a strong liar.
 */
import { bigIntFromBytes, bitLength } from "./bigint.js";

const SMALL_PRIMES = [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n, 41n, 43n, 47n, 53n, 59n, 61n, 67n, 71n];

export interface PrimalityTools {
  modPow(base: bigint, exp: bigint, mod: bigint): bigint;
  randomFill(out: Uint8Array): Uint8Array;
}

/** Trial division by `primes`: a verdict when it decides (n is one of them, or a multiple), else undefined. */
export function trialDivision(n: bigint, primes: readonly bigint[]): boolean | undefined {
  if (n < 2n) return false;
  for (const p of primes) {
    if (n === p) return true;
    if (n % p === 0n) return false;
  }
  return undefined;
}

/** The odd part d and the exponent s of n - 1 = d * 2^s, for an odd n > 2. */
export interface OddDecomposition {
  readonly d: bigint;
  readonly s: number;
}

export function decomposePredecessor(n: bigint): OddDecomposition {
  let d = n - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  return { d, s };
}

/** One Miller-Rabin round: true when base `a` proves n composite. */
export function witnessesComposite(
  a: bigint,
  n: bigint,
  { d, s }: OddDecomposition,
  modPow: PrimalityTools["modPow"],
): boolean {
  let x = modPow(a, d, n);
  if (x === 1n || x === n - 1n) return false;
  for (let i = 1; i < s; i++) {
    x = (x * x) % n;
    if (x === n - 1n) return false;
  }
  return true;
}

export function isProbablePrime(n: bigint, tools: PrimalityTools, rounds = 40): boolean {
  const decided = trialDivision(n, SMALL_PRIMES);
  if (decided !== undefined) return decided;
  const decomposition = decomposePredecessor(n);
  const byteLength = Math.ceil(bitLength(n) / 8) + 8;
  for (let round = 0; round < rounds; round++) {
    // Uniform enough in [2, n - 2]: 64 extra random bits make the modulo bias negligible.
    const a = 2n + (bigIntFromBytes(tools.randomFill(new Uint8Array(byteLength))) % (n - 3n));
    if (witnessesComposite(a, n, decomposition, (base, exp, mod) => tools.modPow(base, exp, mod))) return false;
  }
  return true;
}
