import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BOOL_CONSTRUCTORS } from "../src/codegen/model.js";
import { decodeObject, encodeObject } from "../src/runtime/codec.js";
import type { TlObject } from "../src/runtime/types.js";
import { randomObject } from "./random-value.js";
import { schemas } from "./schemas.js";

// Every constructor and method of all three schemas, with random field values, flag combinations
// (flags and flags2), nested vectors and generics: encode -> decode gives the same object, and
// encoding that again gives the same bytes.
// Split in chunks of 150 so each test stays well inside the timeout on a loaded machine.
describe.each(schemas)("round trip: $file", ({ model, registry }) => {
  const all = [...model.constructors, ...model.methods].filter((c) => !BOOL_CONSTRUCTORS.has(c.name));
  const runs = all.length > 500 ? 8 : 40;
  const chunks: (typeof all)[] = [];
  for (let i = 0; i < all.length; i += 150) chunks.push(all.slice(i, i + 150));

  it.each(chunks.map((chunk, i) => [`${i * 150 + 1}..${i * 150 + chunk.length} of ${all.length}`, chunk] as const))(
    "constructors and methods %s",
    (_label, chunk) => {
      for (const c of chunk) {
        fc.assert(
          fc.property(fc.gen(), (g) => {
            const value = randomObject(g, model, c, 0) as unknown as TlObject;
            const bytes = encodeObject(registry, value);
            const decoded = decodeObject(registry, bytes);
            expect(decoded, c.name).toEqual(value);
            expect(encodeObject(registry, decoded as TlObject)).toEqual(bytes);
          }),
          { numRuns: runs },
        );
      }
    },
  );
});
