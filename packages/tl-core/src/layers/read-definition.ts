import type { TlCombinator, TlTypeRef } from "../parser/ast.js";
import { typeIdOf } from "../codegen/type-ids.js";
import { TlError } from "../runtime/errors.js";
import type { TlReader } from "../runtime/reader.js";
import type { TlObject } from "../runtime/types.js";
import { fieldsOf } from "./fields.js";

/** Reads one value of `type` (interpreted from the definition, for layers without generated code). */
function readValue(r: TlReader, type: TlTypeRef): unknown {
  switch (type.kind) {
    case "nat":
      return r.uint();
    case "true":
      return true;
    case "primitive":
      switch (type.name) {
        case "int":
          return r.int();
        case "long":
          return r.long();
        case "double":
          return r.double();
        case "string":
          return r.string();
        case "bytes":
          return r.bytes();
        case "int128":
          return r.int128();
        case "int256":
          return r.int256();
        case "Bool":
          return r.bool();
      }
      break;
    case "vector": {
      const of = type.of;
      const element = (reader: TlReader): unknown => readValue(reader, of);
      return type.boxed ? r.vector(element) : r.bareVector(element);
    }
    case "boxed":
      return type.name === "Object" ? r.object() : r.boxed(typeIdOf(type.name), type.name);
    case "generic":
      return r.object();
    case "bare":
      break;
  }
  // No API layer 194-228 uses a bare constructor type; refuse rather than guess its layout.
  throw new TlError("BAD_VALUE", r.pos, "a field type the layer converters read", JSON.stringify(type));
}

/** The body of `c` (its id already read) as an object of `c`'s own shape. */
export function readDefinition(r: TlReader, c: TlCombinator): TlObject {
  const out: Record<string, unknown> = { _: c.name };
  const flagWords = new Map<string, number>();
  const fields = new Map(fieldsOf(c).map((f) => [f.param.name, f.key]));
  for (const p of c.params) {
    const key = fields.get(p.name);
    if (key === undefined) {
      flagWords.set(p.name, r.uint());
      continue;
    }
    if (p.condition !== undefined) {
      const set = Math.floor((flagWords.get(p.condition.field) ?? 0) / 2 ** p.condition.bit) % 2 === 1;
      if (p.type.kind === "true") out[key] = set;
      else if (set) out[key] = readValue(r, p.type);
      continue;
    }
    out[key] = readValue(r, p.type);
  }
  return out as unknown as TlObject;
}
