/**
 * Pollard-Brent rho in BigInt with batched gcds: the fallback when SQUFOF finds nothing.
 * Bounded by `maxSteps` so a hostile pq cannot make the client spin.
 */
import { gcd } from "../util/bigint.js";

const BATCH = 128;

export function pollardBrent(n: bigint, c: bigint, maxSteps: number): bigint {
  let y = 2n;
  let x = 2n;
  let ys = 2n;
  let q = 1n;
  let g = 1n;
  let steps = 0;
  for (let r = 1; g === 1n && steps < maxSteps; r *= 2) {
    x = y;
    for (let i = 0; i < r; i++) y = (y * y + c) % n;
    for (let k = 0; k < r && g === 1n; k += BATCH) {
      ys = y;
      const limit = Math.min(BATCH, r - k);
      for (let i = 0; i < limit; i++) {
        y = (y * y + c) % n;
        q = (q * (x > y ? x - y : y - x)) % n;
      }
      steps += limit;
      g = gcd(q, n);
    }
  }
  if (g === n) {
    do {
      ys = (ys * ys + c) % n;
      g = gcd(x > ys ? x - ys : ys - x, n);
    } while (g === 1n);
  }
  return g === n ? 0n : g === 1n ? 0n : g;
}
