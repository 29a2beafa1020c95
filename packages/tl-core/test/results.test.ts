import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeResult } from "../src/runtime/codec.js";
import { TlWriter } from "../src/runtime/writer.js";
import { randomValue } from "./random-value.js";
import { schemas } from "./schemas.js";

// Every method's result reader: a random value of the declared result type (Vector<long>,
// Vector<int>, Bool, boxed types, ...) written on the wire decodes back equal. Generic `X` results
// (invokeWithLayer & co) are looked through to their query and are covered in known-bytes.test.ts.
describe.each(schemas)("method results: $file", ({ model, registry }) => {
  const methods = model.methods.filter((m) => m.result.kind !== "generic");

  it(`decodes the results of ${methods.length} methods`, () => {
    for (const m of methods) {
      fc.assert(
        fc.property(fc.gen(), (g) => {
          const value = randomValue(g, model, m.result, 1);
          const writer = new TlWriter(registry);
          writer.untyped(value); // arrays of bigint -> Vector<long>, numbers -> Vector<int>, ...
          expect(decodeResult(registry, m.name, writer.finish()), m.name).toEqual(value);
        }),
        { numRuns: 3 },
      );
    }
  });
});
