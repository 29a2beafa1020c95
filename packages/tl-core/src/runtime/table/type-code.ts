import { crc32Text } from "../../parser/crc32.js";

/** A field type read back from a table code (the grammar is codegen/emit-table.ts's typeCode). */
export type TypeNode =
  | { readonly kind: "nat" | "true" | "any" | "untyped" | "rpcResult" }
  | { readonly kind: "primitive"; readonly code: string }
  | { readonly kind: "vector"; readonly boxed: boolean; readonly of: TypeNode }
  | { readonly kind: "bare"; readonly name: string }
  | { readonly kind: "boxed"; readonly name: string; readonly typeId: number };

/** Same rule as codegen/type-ids.ts typeIdOf (kept apart so the runtime does not import codegen). */
export const typeIdOf = (typeName: string): number => crc32Text(`type ${typeName}`) | 0;

const SIMPLE: Readonly<Record<string, TypeNode>> = {
  "#": { kind: "nat" },
  t: { kind: "true" },
  "!": { kind: "any" },
  "*": { kind: "untyped" },
  "@": { kind: "rpcResult" },
};

export function parseTypeCode(code: string): TypeNode {
  const first = code.charAt(0);
  if (first === "[" || first === "(") return { kind: "vector", boxed: first === "[", of: parseTypeCode(code.slice(1)) };
  if (first === "%") return { kind: "bare", name: code.slice(1) };
  if (code.length === 1) return SIMPLE[code] ?? { kind: "primitive", code };
  return { kind: "boxed", name: code, typeId: typeIdOf(code) };
}

/**
 * Per primitive code: its TlReader / TlWriter method (`r.int()`, `w.int(v)`; the element functions are the
 * same name prefixed, `readInt`, `writeInt`) and its wire size (https://core.telegram.org/mtproto/serialize).
 */
export const PRIMITIVES: Readonly<Record<string, readonly [method: string, size: number]>> = {
  i: ["int", 4],
  l: ["long", 8],
  d: ["double", 8],
  s: ["string", 4],
  y: ["bytes", 4],
  m: ["int128", 16],
  n: ["int256", 32],
  "?": ["bool", 4],
};
