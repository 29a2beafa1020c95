import type { TlCombinator, TlTypeRef } from "../parser/ast.js";
import type { TlObject } from "../runtime/types.js";
import { type Field, fieldsOf } from "./fields.js";
import type { LayerModel } from "./layer-model.js";
import { neutralValue } from "./neutral.js";

const isInteger = (type: TlTypeRef, name: "int" | "long"): boolean => type.kind === "primitive" && type.name === name;

/** A value of one field type as the other, where TL has a lossless way (int <-> long); else undefined. */
function convertValue(value: unknown, from: Field, to: Field): unknown {
  if (from.typeText === to.typeText) return value;
  if (isInteger(from.param.type, "int") && isInteger(to.param.type, "long") && typeof value === "number")
    return BigInt(value);
  if (isInteger(from.param.type, "long") && isInteger(to.param.type, "int") && typeof value === "bigint") {
    const n = Number(value);
    return (n | 0) === n ? n : undefined;
  }
  return undefined;
}

/**
 * `value`, an object of definition `from` (its fields as generated code names them), as an object
 * of definition `to` of another layer: same-named fields of the same type are kept (nested objects
 * as they are: writing and reading convert those by their own constructor), fields `to` lacks are
 * dropped, fields it requires and `value` cannot supply get their neutral value in `to`'s layer.
 */
export function reshape(value: TlObject, from: TlCombinator, to: TlCombinator, toModel: LayerModel): TlObject {
  const source = value as unknown as Readonly<Record<string, unknown>>;
  const fromFields = new Map(fieldsOf(from).map((f) => [f.key, f]));
  const out: Record<string, unknown> = { _: to.name };
  for (const field of fieldsOf(to)) {
    const match = fromFields.get(field.key);
    const raw = match === undefined ? undefined : source[field.key];
    const kept = match === undefined || raw === undefined ? undefined : convertValue(raw, match, field);
    if (field.param.type.kind === "true") out[field.key] = kept === true;
    else if (kept !== undefined) out[field.key] = kept;
    else if (field.param.condition === undefined) out[field.key] = neutralValue(toModel, field.param.type);
  }
  completeSharedBits(out, to, toModel);
  return out as unknown as TlObject;
}

/**
 * Fields behind one flag bit travel together (`voters:flags.2?int recent_voters:flags.2?Vector<Peer>`):
 * once one of them is present, the others get their neutral value, or the bit would promise a field
 * that is not there.
 */
function completeSharedBits(out: Record<string, unknown>, to: TlCombinator, toModel: LayerModel): void {
  const conditional = fieldsOf(to).filter((f) => f.param.condition !== undefined);
  const bitOf = (f: Field): string => `${f.param.condition?.field ?? ""}.${f.param.condition?.bit ?? 0}`;
  const present = (f: Field): boolean =>
    f.param.type.kind === "true" ? out[f.key] === true : out[f.key] !== undefined;
  const setBits = new Set(conditional.filter(present).map(bitOf));
  for (const f of conditional) {
    if (!setBits.has(bitOf(f)) || present(f)) continue;
    out[f.key] = f.param.type.kind === "true" ? true : neutralValue(toModel, f.param.type);
  }
}
