/**
 * pq factorisation for the auth key handshake (https://core.telegram.org/mtproto/auth_key#proof-of-work):
 * the server sends pq < 2^63, the product of two distinct primes; the client answers p < q.
 * SQUFOF in exact double arithmetic (~1-3 ms for two 31-bit primes), Pollard-Brent as a fallback.
 * Bounded work: a prime, 1 or an out-of-range pq is a typed error, never a hang.
 */
import { bigIntFromBytes, bigIntToMinimalBytes } from "../util/bigint.js";
import { pollardBrent } from "./pollard-brent.js";
import { PqError } from "./pq-error.js";
import { isPrime64 } from "./prime64.js";
import { squfof } from "./squfof.js";

export interface PqFactors {
  readonly p: bigint;
  readonly q: bigint;
}

/** Far above the ~2^16 steps rho needs for a 2^32 factor; a bound, not an expectation. */
const MAX_RHO_STEPS = 1 << 22;

export function factorizePq(pq: bigint): PqFactors {
  if (pq < 4n || pq >= 1n << 63n) throw new PqError("PQ_OUT_OF_RANGE", "pq must be in 4 .. 2^63 - 1");
  if (isPrime64(pq)) throw new PqError("PQ_NOT_FACTORIZABLE", "pq is prime");
  let divisor = (pq & 1n) === 0n ? 2n : squfof(pq);
  for (let c = 1n; divisor === 0n && c < 4n; c++) divisor = pollardBrent(pq, c, MAX_RHO_STEPS);
  if (divisor === 0n) throw new PqError("PQ_NOT_FACTORIZABLE", "no factor found");
  const other = pq / divisor;
  return divisor < other ? { p: divisor, q: other } : { p: other, q: divisor };
}

/** The wire form: pq as big-endian bytes in, p and q as minimal big-endian bytes out. */
export function factorizePqBytes(pq: Uint8Array): { p: Uint8Array; q: Uint8Array } {
  if (pq.length === 0 || pq.length > 8) throw new PqError("PQ_OUT_OF_RANGE", `pq has ${pq.length} bytes`);
  const { p, q } = factorizePq(bigIntFromBytes(pq));
  return { p: bigIntToMinimalBytes(p), q: bigIntToMinimalBytes(q) };
}
