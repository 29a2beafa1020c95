import type { TlCombinator, TlTypeRef } from "../parser/ast.js";
import { TlError } from "../runtime/errors.js";
import type { TlObject } from "../runtime/types.js";
import type { TlWriter } from "../runtime/writer.js";
import { fieldsOf } from "./fields.js";

/** Writes one value of `type`; boxed values go through the writer's registry, so they are converted too. */
function writeValue(w: TlWriter, type: TlTypeRef, value: unknown): void {
  switch (type.kind) {
    case "nat":
    case "true":
      w.int(value as number);
      return;
    case "primitive":
      switch (type.name) {
        case "int":
          w.int(value as number);
          return;
        case "long":
          w.long(value as bigint);
          return;
        case "double":
          w.double(value as number);
          return;
        case "string":
          w.string(value as string);
          return;
        case "bytes":
          w.bytes(value as Uint8Array);
          return;
        case "int128":
          w.int128(value as Uint8Array);
          return;
        case "int256":
          w.int256(value as Uint8Array);
          return;
        case "Bool":
          w.bool(value === true);
          return;
      }
      return;
    case "vector": {
      const of = type.of;
      const element = (writer: TlWriter, item: unknown): void => {
        writeValue(writer, of, item);
      };
      if (type.boxed) w.vector(value as readonly unknown[], element);
      else w.bareVector(value as readonly unknown[], element);
      return;
    }
    case "boxed":
      w.object(value as TlObject);
      return;
    case "generic":
      if (type.bang) w.object(value as TlObject);
      else w.untyped(value);
      return;
    case "bare":
      throw new TlError("BAD_VALUE", w.pos, "a field type the layer converters write", JSON.stringify(type));
  }
}

/** Writes the body of `c` from an object of `c`'s shape; flag words are computed from the fields present. */
export function writeDefinition(w: TlWriter, c: TlCombinator, value: TlObject): void {
  const source = value as unknown as Readonly<Record<string, unknown>>;
  const flagWords = new Map<string, number>();
  const fields = new Map(fieldsOf(c).map((f) => [f.param.name, f.key]));
  for (const p of c.params) {
    if (p.condition === undefined) continue;
    const v = source[fields.get(p.name) ?? ""];
    const present = p.type.kind === "true" ? v === true : v !== undefined;
    if (present)
      flagWords.set(p.condition.field, (flagWords.get(p.condition.field) ?? 0) | ((2 ** p.condition.bit) | 0));
  }
  for (const p of c.params) {
    const key = fields.get(p.name);
    if (key === undefined) {
      w.int(flagWords.get(p.name) ?? 0);
      continue;
    }
    if (p.type.kind === "true") continue;
    const v = source[key];
    if (p.condition !== undefined && ((flagWords.get(p.condition.field) ?? 0) & ((2 ** p.condition.bit) | 0)) === 0)
      continue;
    if (v === undefined) throw new TlError("BAD_VALUE", w.pos, `${c.name}.${p.name}`, "missing");
    writeValue(w, p.type, v);
  }
}
