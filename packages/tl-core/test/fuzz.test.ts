import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BOOL_CONSTRUCTORS } from "../src/codegen/model.js";
import { decodeObject, decodeResult, encodeObject } from "../src/runtime/codec.js";
import { TlError } from "../src/runtime/errors.js";
import { combineRegistries } from "../src/runtime/registry.js";
import type { TlObject } from "../src/runtime/types.js";
import { randomObject } from "./random-value.js";
import { schemas } from "./schemas.js";

// 100,000 random and mutated inputs: the reader must end with a value or a TlError, nothing else
// (no RangeError, no TypeError, no hang, no huge allocation).
const registry = combineRegistries(...schemas.map((s) => s.registry));
const ids = [...registry.readers.keys()];
const methods = [...registry.results.keys()];

/** xorshift32: fast and reproducible; the seed is printed on failure. */
function rng(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

function samples(count: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const { model, registry: own } of schemas) {
    const ctors = [...model.constructors, ...model.methods].filter((c) => !BOOL_CONSTRUCTORS.has(c.name));
    fc.assert(
      fc.property(fc.gen(), fc.nat({ max: ctors.length - 1 }), (g, i) => {
        out.push(encodeObject(own, randomObject(g, model, ctors[i]!, 0) as unknown as TlObject));
      }),
      { numRuns: count, seed: 42 },
    );
  }
  return out;
}

function mutate(next: () => number, input: Uint8Array): Uint8Array {
  const bytes = input.slice();
  const edits = 1 + (next() % 4);
  let out = bytes;
  for (let e = 0; e < edits && out.length > 0; e++) {
    const at = next() % out.length;
    switch (next() % 6) {
      case 0:
        out[at] = next() & 0xff;
        break;
      case 1:
        out = out.slice(0, at);
        break;
      case 2:
        out[at] = [0xfe, 0xff, 0x00, 0x7f][next() % 4]!;
        break;
      case 3: {
        const view = new DataView(out.buffer, out.byteOffset);
        if (at + 4 <= out.length) view.setInt32(at, [0x7fffffff, -1, 0x10000, 0x1cb5c415][next() % 4]!, true);
        break;
      }
      case 4: {
        const copy = new Uint8Array(out.length + 4);
        copy.set(out.subarray(0, at));
        new DataView(copy.buffer).setInt32(at, ids[next() % ids.length]!, true);
        copy.set(out.subarray(at), at + 4);
        out = copy;
        break;
      }
      default:
        out = out.slice(at);
    }
  }
  return out;
}

function check(bytes: Uint8Array, next: () => number): void {
  try {
    if (next() % 4 === 0) decodeResult(registry, methods[next() % methods.length]!, bytes);
    else decodeObject(registry, bytes, { resolveMethod: () => methods[next() % methods.length] });
  } catch (error) {
    if (!(error instanceof TlError)) {
      throw new Error(`non-TlError for ${Buffer.from(bytes).toString("hex")}: ${String(error)}`, { cause: error });
    }
  }
}

describe("fuzz", () => {
  it("100,000 random and mutated byte strings give only TlError", () => {
    const seed = Date.now() | 0;
    const next = rng(seed);
    const valid = samples(300);
    let outcomes = 0;
    for (let i = 0; i < 50_000; i++) {
      const length = next() % 96;
      const bytes = new Uint8Array(length);
      for (let j = 0; j < length; j++) bytes[j] = next() & 0xff;
      if (length >= 4 && next() % 2 === 0) new DataView(bytes.buffer).setInt32(0, ids[next() % ids.length]!, true);
      check(bytes, next);
      outcomes++;
    }
    for (let i = 0; i < 50_000; i++) {
      check(mutate(next, valid[next() % valid.length]!), next);
      outcomes++;
    }
    expect(outcomes, `seed ${seed}`).toBe(100_000);
  });
});
