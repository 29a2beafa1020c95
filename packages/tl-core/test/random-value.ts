// Random TL values for any constructor of a schema, drawn with fast-check's `gen()` so failures
// are reproducible from the printed seed.
import fc from "fast-check";
import type { TlCombinator, TlTypeRef } from "../src/parser/ast.js";
import { BOOL_CONSTRUCTORS, type CodegenModel, bareConstructor, flagFields } from "../src/codegen/model.js";
import { camel } from "../src/codegen/names.js";

type Gen = fc.GeneratorValue;
const MAX_DEPTH = 3;

function pick<T>(g: Gen, items: readonly T[]): T {
  return items[g(fc.nat, { max: items.length - 1 })]!;
}

/** Constructors with the fewest boxed fields first, so deep values stay small. */
const simplestCache = new WeakMap<readonly TlCombinator[], TlCombinator>();
function simplest(ctors: readonly TlCombinator[]): TlCombinator {
  let found = simplestCache.get(ctors);
  if (found === undefined) {
    const weight = (c: TlCombinator): number =>
      c.params.filter((p) => !p.condition && p.type.kind !== "primitive").length;
    found = [...ctors].sort((a, b) => weight(a) - weight(b))[0]!;
    simplestCache.set(ctors, found);
  }
  return found;
}

export function randomValue(g: Gen, model: CodegenModel, type: TlTypeRef, depth: number): unknown {
  switch (type.kind) {
    case "nat":
      // `#` is unsigned (https://core.telegram.org/mtproto/serialize): 0 .. 2^32 - 1.
      return g(fc.integer, { min: 0, max: 0xffffffff });
    case "true":
      return g(fc.integer, { min: -0x80000000, max: 0x7fffffff });
    case "primitive":
      switch (type.name) {
        case "int":
          return g(fc.integer, { min: -0x80000000, max: 0x7fffffff });
        case "long":
          return g(fc.bigInt, { min: -(2n ** 63n), max: 2n ** 63n - 1n });
        case "double":
          return g(fc.double);
        case "string":
          return g(() =>
            fc.oneof(fc.string({ unit: "grapheme", maxLength: 20 }), fc.string({ minLength: 250, maxLength: 300 })),
          );
        case "bytes":
          return g(() => fc.oneof(fc.uint8Array({ maxLength: 10 }), fc.uint8Array({ minLength: 250, maxLength: 260 })));
        case "int128":
          return g(fc.uint8Array, { minLength: 16, maxLength: 16 });
        case "int256":
          return g(fc.uint8Array, { minLength: 32, maxLength: 32 });
        case "Bool":
          return g(fc.boolean);
      }
      break;
    case "vector": {
      const n = depth >= MAX_DEPTH ? 0 : g(fc.nat, { max: 2 });
      return Array.from({ length: n }, () => randomValue(g, model, type.of, depth + 1));
    }
    case "bare":
      return randomObject(g, model, bareConstructor(model, type), depth + 1);
    case "boxed": {
      if (type.name === "Object") return randomAnyObject(g, model);
      const ctors = model.byType.get(type.name)!;
      const c = depth >= MAX_DEPTH ? simplest(ctors) : pick(g, ctors);
      return randomObject(g, model, c, depth + 1);
    }
    case "generic":
      return randomAnyObject(g, model);
  }
  throw new Error("unreachable");
}

function randomAnyObject(g: Gen, model: CodegenModel): unknown {
  const empty = model.constructors.filter((c) => c.params.length === 0 && !BOOL_CONSTRUCTORS.has(c.name));
  return { _: pick(g, empty).name };
}

export function randomObject(g: Gen, model: CodegenModel, c: TlCombinator, depth: number): Record<string, unknown> {
  const flags = flagFields(c);
  const masks = new Map<string, number>();
  for (const name of flags) masks.set(name, g(fc.integer, { min: -0x80000000, max: 0x7fffffff }));
  const out: Record<string, unknown> = { _: c.name };
  for (const p of c.params) {
    if (flags.has(p.name)) continue;
    const key = camel(p.name);
    if (p.condition) {
      const set = (masks.get(p.condition.field)! & ((2 ** p.condition.bit) | 0)) !== 0;
      if (p.type.kind === "true") out[key] = set;
      else if (set) out[key] = randomValue(g, model, p.type, depth);
      continue;
    }
    out[key] = randomValue(g, model, p.type, depth);
  }
  return out;
}
