import type { TlObject } from "../types.js";
import type { TlWriter } from "../writer.js";
import type { CompileContext, TlWriteFn } from "./compile-context.js";
import { valueWriter } from "./elements.js";
import type { TableDefinition } from "./parse-table.js";

/** A body writer built from closures (no `new Function`, for strict CSP); same bytes as the source writer. */
export function compileWriterClosures(context: CompileContext, definition: TableDefinition): TlWriteFn {
  const fields = definition.fields;
  const count = fields.length;
  const keys = fields.map((f) => f.key);
  const isFlags = fields.map((f) => f.isFlags);
  const words = fields.map((f) => f.condition?.word ?? -1);
  const masks = fields.map((f) => f.condition?.mask ?? 0);
  const isTrue = fields.map((f) => f.type.kind === "true");
  const writers = fields.map((f) => valueWriter(context, f.type) as (w: TlWriter, value: unknown) => void);
  return (w: TlWriter, value: TlObject) => {
    const o = value as unknown as Record<string, unknown>;
    const flags = new Array<number>(count).fill(0);
    for (let i = 0; i < count; i++) {
      const word = words[i]!;
      if (word < 0) continue;
      const present = isTrue[i]! ? o[keys[i]!] === true : o[keys[i]!] !== undefined;
      if (present) flags[word]! |= masks[i]!;
    }
    for (let i = 0; i < count; i++) {
      if (isFlags[i]!) w.int(flags[i]!);
      else if (isTrue[i]!) continue;
      else if (words[i]! < 0 || (flags[words[i]!]! & masks[i]!) !== 0) writers[i]!(w, o[keys[i]!]);
    }
  };
}
