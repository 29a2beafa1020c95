import type { TlReader } from "../reader.js";
import type { TlReadFn } from "../types.js";
import type { CompileContext } from "./compile-context.js";
import { valueReader } from "./elements.js";
import type { TableDefinition } from "./parse-table.js";

/**
 * A body reader built from closures, one per field, for pages whose Content-Security-Policy forbids
 * `new Function`. Same object as the source reader: keys in field order, absent fields undefined.
 */
export function compileReaderClosures(context: CompileContext, definition: TableDefinition): TlReadFn {
  const name = definition.name;
  const fields = definition.fields;
  const count = fields.length;
  const keys = fields.map((f) => f.key);
  const words = fields.map((f) => f.isFlags);
  const words0 = fields.map((f) => f.condition?.word ?? -1);
  const masks = fields.map((f) => f.condition?.mask ?? 0);
  const isTrue = fields.map((f) => f.type.kind === "true");
  const reqMsgId = fields.findIndex((f) => f.key === "reqMsgId");
  const readers = fields.map((f): ((r: TlReader, values: unknown[]) => unknown) =>
    f.type.kind === "rpcResult"
      ? (r: TlReader, v: unknown[]) => r.rpcResult(v[reqMsgId] as bigint)
      : valueReader(context, f.type),
  );
  return (r: TlReader) => {
    const values = new Array<unknown>(count);
    const out: Record<string, unknown> = { _: name };
    for (let i = 0; i < count; i++) {
      if (words[i]!) {
        values[i] = r.int();
        continue;
      }
      const word = words0[i]!;
      const present = word < 0 || ((values[word] as number) & masks[i]!) !== 0;
      const value = isTrue[i]! ? present : present ? readers[i]!(r, values) : undefined;
      values[i] = value;
      out[keys[i]!] = value;
    }
    return out;
  };
}
