import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import type { SessionEnvironment } from "../../src/index.js";

export const crypto: CryptoProvider = createNodeCrypto();

/** Deterministic bytes: SHA-256 in counter mode over a seed. */
export function seededRandom(seed: string): (n: number) => Uint8Array {
  let counter = 0;
  let pool = new Uint8Array(0);
  return (n) => {
    while (pool.length < n) {
      const block = crypto.sha256(new TextEncoder().encode(`${seed}:${counter++}`));
      const next = new Uint8Array(pool.length + block.length);
      next.set(pool);
      next.set(block, pool.length);
      pool = next;
    }
    const out = pool.slice(0, n);
    pool = pool.slice(n);
    return out;
  };
}

export interface TestClock {
  ms: number;
  readonly now: () => number;
  advance(ms: number): void;
}

export function testClock(startMs = 1_780_000_000_000): TestClock {
  const clock: TestClock = {
    ms: startMs,
    now: () => clock.ms,
    advance: (ms) => {
      clock.ms += ms;
    },
  };
  return clock;
}

export function testEnv(seed = "seed", clock: TestClock = testClock()): SessionEnvironment {
  return { crypto, now: clock.now, randomBytes: seededRandom(seed) };
}

/** A queue of exact random outputs (vectors), then a seeded fallback. */
export function scriptedRandom(values: Uint8Array[], fallbackSeed = "fallback"): (n: number) => Uint8Array {
  const fallback = seededRandom(fallbackSeed);
  return (n) => {
    const next = values.shift();
    if (next === undefined) return fallback(n);
    const out = new Uint8Array(n);
    out.set(next.subarray(0, n));
    return out;
  };
}
