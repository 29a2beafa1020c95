/**
 * Shanks' square forms factorisation (SQUFOF) for n < 2^63. Its work is ~n^(1/4) steps on
 * numbers below 2*sqrt(k*n) < 2^38, so every step is exact double arithmetic: no BigInt in the
 * loop, and about 10x fewer steps than Pollard rho needs for two ~31-bit primes.
 * Multipliers k and the two phases follow the classic formulation (Gower & Wagstaff 2008,
 * "Square form factorization", Math. Comp. 77). Returns 0n when every multiplier fails. The loops
 * run in WebAssembly when available (squfof-wasm.ts: no JIT warm-up in a fresh process), else in JS.
 */
import { gcd } from "../util/bigint.js";
import { squfofWasm } from "./squfof-wasm.js";

const MULTIPLIERS = [1, 3, 5, 7, 11, 15, 21, 33, 35, 55, 77, 105, 165, 231, 385, 1155];

export function bigIntSqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x;
}

/** Phase 1 in JS (exported for the test that holds the wasm loops to it): walk the continued fraction of sqrt(d) until a square Q appears at an even step. */
export function phase1Js(p0: number, q: number, maxSteps: number): [number, number] {
  let p = p0;
  let pPrev = p0;
  let qPrev = 1;
  for (let i = 2; i < maxSteps; i++) {
    const b = Math.floor((p0 + p) / q);
    p = b * q - p;
    const qOld = q;
    q = qPrev + b * (pPrev - p);
    if ((i & 1) === 0) {
      const s = Math.round(Math.sqrt(q));
      if (s * s === q) return [s, p];
    }
    qPrev = qOld;
    pPrev = p;
  }
  return [-1, p];
}

/** Phase 2 in JS: from the square root form, walk until P repeats; returns the Q before it. */
export function phase2Js(p0: number, p: number, q: number, qPrev: number, maxSteps: number): number {
  for (let i = 0; i < maxSteps; i++) {
    const b = Math.floor((p0 + p) / q);
    const pPrev = p;
    p = b * q - p;
    const qOld = q;
    q = qPrev + b * (pPrev - p);
    qPrev = qOld;
    if (p === pPrev) break;
  }
  return qPrev;
}

function tryMultiplier(n: bigint, k: number, maxSteps: number): bigint {
  const loops = squfofWasm();
  const d = BigInt(k) * n;
  const root = bigIntSqrt(d);
  const p0 = Number(root);
  const q1 = Number(d - root * root);
  if (q1 === 0) return 0n;
  const [r, p1] = loops === undefined ? phase1Js(p0, q1, maxSteps) : loops.phase1(p0, q1, maxSteps);
  if (r < 0) return 0n;
  const p = Math.floor((p0 - p1) / r) * r + p1;
  const q = Number((d - BigInt(p) * BigInt(p)) / BigInt(r));
  if (q === 0) return 0n;
  // Q shares a factor with n once P repeats.
  const qPrev = loops === undefined ? phase2Js(p0, p, q, r, maxSteps) : loops.phase2(p0, p, q, r, maxSteps);
  if (!Number.isSafeInteger(qPrev) || qPrev <= 0) return 0n;
  const f = gcd(n, BigInt(qPrev));
  return f !== 1n && f !== n ? f : 0n;
}

export function squfof(n: bigint): bigint {
  const s = bigIntSqrt(n);
  if (s * s === n) return s;
  const maxSteps = 6 * Math.floor(Math.sqrt(2 * Number(s)));
  for (const k of MULTIPLIERS) {
    const f = tryMultiplier(n, k, maxSteps);
    if (f !== 0n) return f;
  }
  return 0n;
}
