import type { TlCombinator, TlTypeRef } from "../parser/ast.js";
import { TlError } from "../runtime/errors.js";
import type { TlObject } from "../runtime/types.js";
import type { TlWriter } from "../runtime/writer.js";
import { fieldsOf } from "./fields.js";
import type { LayerModel } from "./layer-model.js";
import { neutralValue } from "./neutral.js";

type WriteFn = (w: TlWriter, value: unknown) => void;
type Convert = (value: unknown) => unknown;

/** A writer for one field type, built once (no closures or lookups per value). */
function writerOf(type: TlTypeRef): WriteFn {
  switch (type.kind) {
    case "nat":
    case "true":
      return (w, v) => {
        w.int(v as number);
      };
    case "primitive":
      switch (type.name) {
        case "int":
          return (w, v) => {
            w.int(v as number);
          };
        case "long":
          return (w, v) => {
            w.long(v as bigint);
          };
        case "double":
          return (w, v) => {
            w.double(v as number);
          };
        case "string":
          return (w, v) => {
            w.string(v as string);
          };
        case "bytes":
          return (w, v) => {
            w.bytes(v as Uint8Array);
          };
        case "int128":
          return (w, v) => {
            w.int128(v as Uint8Array);
          };
        case "int256":
          return (w, v) => {
            w.int256(v as Uint8Array);
          };
        case "Bool":
          return (w, v) => {
            w.bool(v === true);
          };
      }
      break;
    case "vector": {
      if (type.boxed && type.of.kind === "boxed")
        return (w, v) => {
          w.objectVector(v as TlObject[]);
        };
      const element = writerOf(type.of);
      return type.boxed
        ? (w, v) => {
            w.vector(v as unknown[], element);
          }
        : (w, v) => {
            w.bareVector(v as unknown[], element);
          };
    }
    case "boxed":
      return (w, v) => {
        w.object(v as TlObject);
      };
    case "generic":
      return type.bang
        ? (w, v) => {
            w.object(v as TlObject);
          }
        : (w, v) => {
            w.untyped(v);
          };
    case "bare":
      break;
  }
  // No API layer 194-228 uses a bare constructor type; refuse rather than guess its layout.
  return (w) => {
    throw new TlError("BAD_VALUE", w.pos, "a field type the layer converters write", JSON.stringify(type));
  };
}

const same: Convert = (v) => v;
const intToLong: Convert = (v) => (typeof v === "number" ? BigInt(v) : undefined);
const longToInt: Convert = (v) => {
  const n = Number(v);
  return typeof v === "bigint" && (n | 0) === n ? n : undefined;
};

/** How a value of `from`'s field becomes one of `to`'s, or undefined when there is no lossless way. */
function converterOf(fromType: string, toType: string): Convert | undefined {
  if (fromType === toType) return same;
  if (fromType === "int" && toType === "long") return intToLong;
  if (fromType === "long" && toType === "int") return longToInt;
  return undefined;
}

interface Slot {
  readonly key: string;
  readonly sourceKey: string | undefined;
  readonly convert: Convert | undefined;
  readonly isTrue: boolean;
  /** Index of the flag word and the bit mask, for `flags.N?` fields. */
  readonly flagWord: number;
  readonly mask: number;
  /** Fields behind the same flag bit (`voters`, `recent_voters`): completed together. */
  readonly group: number;
  readonly write: WriteFn;
  neutral(): unknown;
}

/**
 * A body writer for `to` (a constructor of `model`'s layer) fed objects of `from` (usually its base
 * layer counterpart): the reshaping of reshape.ts (same-named fields of the same type kept, int <->
 * long converted, others dropped, required ones neutral, shared flag bits completed) compiled once,
 * and written straight to the wire without an intermediate object.
 */
export function compileWriter(from: TlCombinator, to: TlCombinator, model: LayerModel): WriteFn {
  const fromTypes = new Map(fieldsOf(from).map((f) => [f.key, f.typeText]));
  const fieldParams = new Set(fieldsOf(to).map((f) => f.param));
  const flagWords = to.params.filter((p) => !fieldParams.has(p));
  const wordIndex = new Map(flagWords.map((p, i) => [p.name, i]));
  const groups = new Map<string, number>();
  const slots: Slot[] = fieldsOf(to).map((f) => {
    const fromType = fromTypes.get(f.key);
    const condition = f.param.condition;
    const groupKey = condition === undefined ? "" : `${condition.field}.${condition.bit}`;
    if (condition !== undefined && !groups.has(groupKey)) groups.set(groupKey, groups.size);
    let neutral: { value: unknown } | undefined;
    return {
      key: f.key,
      sourceKey: fromType === undefined ? undefined : f.key,
      convert: fromType === undefined ? undefined : converterOf(fromType, f.typeText),
      isTrue: f.param.type.kind === "true",
      flagWord: condition === undefined ? -1 : (wordIndex.get(condition.field) ?? -1),
      mask: condition === undefined ? 0 : (2 ** condition.bit) | 0,
      group: condition === undefined ? -1 : (groups.get(groupKey) ?? -1),
      write: writerOf(f.param.type),
      neutral: () => (neutral ??= { value: neutralValue(model, f.param.type) }).value,
    };
  });
  const slotOfParam = new Map(fieldsOf(to).map((f, i) => [f.param.name, i]));
  const order = to.params.map((p) => ({ word: wordIndex.get(p.name) ?? -1, slot: slotOfParam.get(p.name) ?? -1 }));
  const groupCount = groups.size;
  return (w, input) => {
    const source = input as Readonly<Record<string, unknown>>;
    const values = new Array<unknown>(slots.length);
    const words = new Array<number>(flagWords.length).fill(0);
    const groupSet = groupCount === 0 ? undefined : new Array<boolean>(groupCount).fill(false);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      const raw = slot.sourceKey === undefined || slot.convert === undefined ? undefined : source[slot.sourceKey];
      const value = raw === undefined ? undefined : slot.convert!(raw);
      if (slot.isTrue) values[i] = value === true;
      else if (value !== undefined) values[i] = value;
      else if (slot.flagWord < 0) values[i] = slot.neutral();
      const present = slot.isTrue ? values[i] === true : values[i] !== undefined;
      if (present && groupSet !== undefined && slot.group >= 0) groupSet[slot.group] = true;
    }
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      if (slot.flagWord < 0 || groupSet?.[slot.group] !== true) continue;
      if (slot.isTrue) values[i] = true;
      else values[i] ??= slot.neutral();
      words[slot.flagWord] = words[slot.flagWord]! | slot.mask;
    }
    for (const step of order) {
      if (step.word >= 0) {
        w.int(words[step.word]!);
        continue;
      }
      const slot = slots[step.slot]!;
      if (slot.isTrue || (slot.flagWord >= 0 && (words[slot.flagWord]! & slot.mask) === 0)) continue;
      const value = values[step.slot];
      if (value === undefined) throw new TlError("BAD_VALUE", w.pos, `${to.name}.${slot.key}`, "missing");
      slot.write(w, value);
    }
  };
}
