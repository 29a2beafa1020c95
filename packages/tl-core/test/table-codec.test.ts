// The table registries (readers and writers compiled per constructor on first use, issue 14) against
// the generated per-constructor functions of the entries: for every constructor and method of all
// three schemas, both compile modes ("function" and "closures", the latter for a strict CSP) write
// the same bytes as the generated writer and read them back to the same object, keys in the same order.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BOOL_CONSTRUCTORS } from "../src/codegen/model.js";
import * as apiEntries from "../src/generated/api/entries.js";
import { apiTable } from "../src/generated/api/index.js";
import * as mtprotoEntries from "../src/generated/mtproto/entries.js";
import { mtprotoTable } from "../src/generated/mtproto/index.js";
import * as secretEntries from "../src/generated/secret/entries.js";
import { secretTable } from "../src/generated/secret/index.js";
import { decodeObject, decodeResult, encodeObject } from "../src/runtime/codec.js";
import { registryOf } from "../src/runtime/registry.js";
import { tableRegistry } from "../src/runtime/table/table-registry.js";
import type { TlEntry, TlObject } from "../src/runtime/types.js";
import { TlWriter } from "../src/runtime/writer.js";
import { randomObject, randomValue } from "./random-value.js";
import { schemas } from "./schemas.js";

const tables: Readonly<Record<string, [string, Record<string, TlEntry>]>> = {
  "mtproto.tl": [mtprotoTable, mtprotoEntries],
  "telegram_api.tl": [apiTable, apiEntries],
  "secret_api.tl": [secretTable, secretEntries],
};

describe.each(schemas)("table codecs: $file", ({ file, model }) => {
  const [table, entries] = tables[file]!;
  const generated = registryOf(Object.values(entries));
  const compiled = tableRegistry(table, { codegen: "function" });
  const closures = tableRegistry(table, { codegen: "closures" });
  const all = [...model.constructors, ...model.methods].filter((c) => !BOOL_CONSTRUCTORS.has(c.name));

  const chunks: (typeof all)[] = [];
  for (let i = 0; i < all.length; i += 300) chunks.push(all.slice(i, i + 300));

  // Chunks with a generous timeout: this must pass on a saturated 2-core machine.
  it.each(chunks.map((chunk, i) => [`${i * 300 + 1}..${i * 300 + chunk.length} of ${all.length}`, chunk] as const))(
    "write and read constructors and methods %s like the generated functions",
    (_label, chunk) => {
      for (const c of chunk) {
        fc.assert(
          fc.property(fc.gen(), (g) => {
            const value = randomObject(g, model, c, 0) as unknown as TlObject;
            const bytes = encodeObject(generated, value);
            expect(encodeObject(compiled, value), c.name).toEqual(bytes);
            expect(encodeObject(closures, value), c.name).toEqual(bytes);
            const expected = decodeObject(generated, bytes) as Record<string, unknown>;
            for (const registry of [compiled, closures]) {
              const decoded = decodeObject(registry, bytes) as Record<string, unknown>;
              expect(decoded, c.name).toStrictEqual(expected);
              expect(Object.keys(decoded), c.name).toEqual(Object.keys(expected));
            }
          }),
          { numRuns: 2 },
        );
      }
    },
    120_000,
  );

  it("read every method's result like the generated result readers", () => {
    for (const m of model.methods) {
      if (m.result.kind === "generic") continue;
      fc.assert(
        fc.property(fc.gen(), (g) => {
          const writer = new TlWriter(generated);
          writer.untyped(randomValue(g, model, m.result, 1)); // arrays of bigint -> Vector<long>, ...
          const bytes = writer.finish();
          const expected = decodeResult(generated, m.name, bytes);
          expect(decodeResult(compiled, m.name, bytes), m.name).toStrictEqual(expected);
          expect(decodeResult(closures, m.name, bytes), m.name).toStrictEqual(expected);
        }),
        { numRuns: 2 },
      );
    }
    for (const m of model.methods.filter((x) => x.result.kind === "generic"))
      expect(compiled.results.get(m.name), m.name).toEqual(generated.results.get(m.name));
  }, 120_000);
});
