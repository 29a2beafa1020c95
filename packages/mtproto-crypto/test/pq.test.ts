import { hex, loadVectors, toHex } from "@mtkit/test-vectors";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { factorizePq, factorizePqBytes, generatePq, isPrime64, PqError } from "../src/index.js";
import { PROVIDERS } from "./providers.js";

interface PqCase {
  pq: string;
  p: string;
  q: string;
  pq_bytes_be: string;
  p_bytes_be: string;
  q_bytes_be: string;
}
const { cases } = loadVectors("pq-factorization") as { cases: PqCase[] };

describe("pq factorisation", () => {
  it.each(cases)("factors $pq", (c) => {
    expect(factorizePq(BigInt(c.pq))).toEqual({ p: BigInt(c.p), q: BigInt(c.q) });
    const bytes = factorizePqBytes(hex(c.pq_bytes_be));
    expect([toHex(bytes.p), toHex(bytes.q)]).toEqual([c.p_bytes_be, c.q_bytes_be]);
  });

  it("factors what the server side generates, and small or even cases (property)", () => {
    const crypto = PROVIDERS[0]!;
    for (let i = 0; i < 20; i++) {
      const { pq, p, q, pqBytes } = generatePq(crypto);
      expect(p < q && isPrime64(p) && isPrime64(q) && pq < 1n << 63n).toBe(true);
      expect(pqBytes).toHaveLength(8);
      expect(factorizePqBytes(pqBytes).p).toHaveLength(4);
      expect(factorizePq(pq)).toEqual({ p, q });
    }
    fc.assert(
      fc.property(fc.bigInt({ min: 2n, max: 1n << 31n }), fc.bigInt({ min: 2n, max: 1n << 31n }), (a, b) => {
        const n = a * b;
        const { p, q } = factorizePq(n);
        expect(p * q).toBe(n);
        expect(p > 1n && q > 1n && p <= q).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("rejects primes, tiny and oversized pq with typed errors", () => {
    for (const bad of [0n, 1n, 3n, 1n << 63n, 2305843009213693951n /* 2^61 - 1, prime */]) {
      expect(() => factorizePq(bad)).toThrow(PqError);
    }
    expect(() => factorizePqBytes(new Uint8Array(9).fill(1))).toThrow(PqError);
    expect(() => factorizePqBytes(new Uint8Array(0))).toThrow(PqError);
  });
});
