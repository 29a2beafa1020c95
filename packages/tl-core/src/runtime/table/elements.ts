import {
  readBool,
  readBytes,
  readDouble,
  readInt,
  readInt128,
  readInt256,
  readLong,
  readNat,
  readObject,
  readString,
} from "../element-readers.js";
import {
  writeBool,
  writeBytes,
  writeDouble,
  writeInt,
  writeInt128,
  writeInt256,
  writeLong,
  writeObject,
  writeString,
} from "../element-writers.js";
import type { TlReader } from "../reader.js";
import type { TlReadFn } from "../types.js";
import type { TlWriter } from "../writer.js";
import type { CompileContext } from "./compile-context.js";
import { PRIMITIVES, type TypeNode } from "./type-code.js";

type ElementWriter = (writer: TlWriter, value: never) => void;

const PRIMITIVE_READERS: Readonly<Record<string, TlReadFn>> = {
  i: readInt,
  l: readLong,
  d: readDouble,
  s: readString,
  y: readBytes,
  m: readInt128,
  n: readInt256,
  "?": readBool,
};

const PRIMITIVE_WRITERS: Readonly<Record<string, ElementWriter>> = {
  i: writeInt,
  l: writeLong,
  d: writeDouble,
  s: writeString,
  y: writeBytes,
  m: writeInt128,
  n: writeInt256,
  "?": writeBool,
};

/** Smallest wire size of a value, so a vector count is checked against the bytes left first. */
export function minSize(context: Pick<CompileContext, "definition">, type: TypeNode, depth = 0): number {
  if (type.kind === "primitive") return PRIMITIVES[type.code]?.[1] ?? 4;
  if (type.kind === "true") return 0;
  if (type.kind === "bare" && depth < 8) {
    const fields = context.definition(type.name).fields;
    return fields.reduce((sum, f) => sum + (f.condition ? 0 : minSize(context, f.type, depth + 1)), 0);
  }
  return 4;
}

/** A function `(r) => value` for one type (vector elements, closures). */
export function valueReader(context: CompileContext, type: TypeNode): TlReadFn {
  switch (type.kind) {
    case "nat":
      return readNat;
    case "true":
      return () => true;
    case "primitive":
      return PRIMITIVE_READERS[type.code]!;
    case "vector": {
      if (type.boxed && type.of.kind === "boxed") {
        const { typeId, name } = type.of;
        return (r: TlReader) => r.boxedVector(typeId, name);
      }
      if (type.boxed && type.of.kind === "any") return (r: TlReader) => r.objectVector();
      const element = valueReader(context, type.of);
      const size = Math.max(1, minSize(context, type.of));
      return type.boxed ? (r: TlReader) => r.vector(element, size) : (r: TlReader) => r.bareVector(element, size);
    }
    case "bare":
      return context.bareReader(type.name);
    case "boxed": {
      const { typeId, name } = type;
      return (r: TlReader) => r.boxed(typeId, name);
    }
    default:
      return readObject;
  }
}

/** A function `(w, value)` for one type (vector elements, closures). */
export function valueWriter(context: CompileContext, type: TypeNode): ElementWriter {
  switch (type.kind) {
    case "nat":
      return writeInt;
    case "true":
      return () => undefined;
    case "primitive":
      return PRIMITIVE_WRITERS[type.code]!;
    case "vector": {
      if (type.boxed && (type.of.kind === "boxed" || type.of.kind === "any"))
        return (w: TlWriter, v: never) => {
          w.objectVector(v);
        };
      const element = valueWriter(context, type.of);
      return type.boxed
        ? (w: TlWriter, v: never) => {
            w.vector(v, element);
          }
        : (w: TlWriter, v: never) => {
            w.bareVector(v, element);
          };
    }
    case "bare":
      return context.bareWriter(type.name);
    case "untyped":
    case "rpcResult":
      return (w: TlWriter, v: never) => {
        w.untyped(v);
      };
    default:
      return writeObject;
  }
}
