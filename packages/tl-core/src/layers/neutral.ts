import type { TlCombinator, TlTypeRef } from "../parser/ast.js";
import { TlError } from "../runtime/errors.js";
import type { TlObject } from "../runtime/types.js";
import { fieldsOf, isRequired } from "./fields.js";
import type { LayerModel } from "./layer-model.js";

/** Nesting allowed while building a neutral object; a schema needing more is reported, not looped on. */
const MAX_NEUTRAL_DEPTH = 8;

/**
 * The constructor standing for "nothing" in a boxed type: its `…Empty` constructor if it has one
 * (userEmpty, photoEmpty, messageMediaEmpty, …), else the one with the fewest required fields, so a
 * field a layer requires but the object lacks gets the least invented value.
 */
export function neutralConstructor(model: LayerModel, typeName: string): TlCombinator | undefined {
  const list = model.byType.get(typeName);
  if (list === undefined || list.length === 0) return undefined;
  const empty = list.find((c) => c.name.endsWith("Empty"));
  if (empty !== undefined) return empty;
  let best = list[0]!;
  let bestCount = Number.POSITIVE_INFINITY;
  for (const c of list) {
    const count = c.params.filter(isRequired).length;
    if (count < bestCount) {
      best = c;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The documented neutral value of a TL type (0, false, "", empty bytes, [] or the type's neutral
 * constructor with neutral required fields), for a field one side requires and the other lacks.
 */
export function neutralValue(model: LayerModel, type: TlTypeRef, depth = 0): unknown {
  switch (type.kind) {
    case "nat":
      return 0;
    case "true":
      return false;
    case "vector":
      return [];
    case "primitive":
      switch (type.name) {
        case "int":
        case "double":
          return 0;
        case "long":
          return 0n;
        case "string":
          return "";
        case "Bool":
          return false;
        case "bytes":
          return new Uint8Array(0);
        case "int128":
          return new Uint8Array(16);
        case "int256":
          return new Uint8Array(32);
      }
      break;
    case "boxed":
      return neutralObject(model, model.byType.get(type.name) === undefined ? undefined : type.name, depth);
    case "bare": {
      const c = type.percent ? model.byType.get(type.name)?.[0] : model.byName.get(type.name);
      return c === undefined ? undefined : neutralInstance(model, c, depth);
    }
    case "generic":
      return undefined;
  }
  return undefined;
}

function neutralObject(model: LayerModel, typeName: string | undefined, depth: number): TlObject | undefined {
  if (typeName === undefined) return undefined;
  const c = neutralConstructor(model, typeName);
  return c === undefined ? undefined : neutralInstance(model, c, depth);
}

/** An object of constructor `c` with every required field at its neutral value. */
export function neutralInstance(model: LayerModel, c: TlCombinator, depth = 0): TlObject {
  if (depth > MAX_NEUTRAL_DEPTH)
    throw new TlError("TOO_DEEP", 0, `a neutral ${c.name} within ${MAX_NEUTRAL_DEPTH} levels`);
  const out: Record<string, unknown> = { _: c.name };
  for (const field of fieldsOf(c)) {
    if (field.param.type.kind === "true") out[field.key] = false;
    else if (field.param.condition === undefined) out[field.key] = neutralValue(model, field.param.type, depth + 1);
  }
  return out as unknown as TlObject;
}
