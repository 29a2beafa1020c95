// The WebAssembly SQUFOF loops (src/pq/squfof-wasm.ts) against the JS loops they replace, step for
// step, on the pq vectors and on random products of two 31-bit primes.
import { expect, it } from "vitest";
import { bigIntSqrt, phase1Js, phase2Js } from "../src/pq/squfof.js";
import { squfofWasm } from "../src/pq/squfof-wasm.js";
import { generatePq } from "../src/index.js";
import { createNodeCrypto } from "../src/node.js";

it("phase 1 and phase 2 give the JS loops' results for every multiplier", () => {
  const loops = squfofWasm();
  expect(loops).toBeDefined();
  const crypto = createNodeCrypto();
  for (let run = 0; run < 20; run++) {
    const { pq } = generatePq(crypto);
    for (const k of [1, 3, 5, 7, 11]) {
      const d = BigInt(k) * pq;
      const root = bigIntSqrt(d);
      const p0 = Number(root),
        q1 = Number(d - root * root);
      const maxSteps = 6 * Math.floor(Math.sqrt(2 * Number(bigIntSqrt(pq))));
      const js = phase1Js(p0, q1, maxSteps);
      expect(loops!.phase1(p0, q1, maxSteps)).toEqual(js);
      const [r, p1] = js;
      if (r < 0) continue;
      const p = Math.floor((p0 - p1) / r) * r + p1;
      const q = Number((d - BigInt(p) * BigInt(p)) / BigInt(r));
      if (q !== 0) expect(loops!.phase2(p0, p, q, r, maxSteps)).toBe(phase2Js(p0, p, q, r, maxSteps));
    }
  }
});
