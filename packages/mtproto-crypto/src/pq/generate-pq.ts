/**
 * Server side of the proof of work: pq = p * q for two distinct random 31-bit primes, so
 * pq < 2^62 < 2^63 as https://core.telegram.org/mtproto/auth_key#proof-of-work requires.
 */
import type { CryptoProvider } from "../provider.js";
import { bigIntToMinimalBytes } from "../util/bigint.js";
import { isPrime64 } from "./prime64.js";

function randomPrime31(crypto: CryptoProvider): bigint {
  const buf = new Uint8Array(4);
  for (;;) {
    crypto.randomFill(buf);
    // Top bit of 31 set (>= 2^30), lowest bit set (odd).
    const candidate = BigInt((((buf[0]! << 24) | (buf[1]! << 16) | (buf[2]! << 8) | buf[3]!) >>> 1) | 0x40000001);
    if (isPrime64(candidate)) return candidate;
  }
}

export interface GeneratedPq {
  readonly pq: bigint;
  readonly p: bigint;
  readonly q: bigint;
  /** pq as 8 big-endian bytes, as resPQ carries it. */
  readonly pqBytes: Uint8Array;
}

export function generatePq(crypto: CryptoProvider): GeneratedPq {
  for (;;) {
    const a = randomPrime31(crypto);
    const b = randomPrime31(crypto);
    if (a === b) continue;
    const [p, q] = a < b ? [a, b] : [b, a];
    return { pq: p * q, p, q, pqBytes: bigIntToMinimalBytes(p * q) };
  }
}
