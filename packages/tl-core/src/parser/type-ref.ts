import type { TlPrimitive, TlTypeRef } from "./ast.js";

const PRIMITIVES = new Set<string>(["int", "long", "double", "string", "bytes", "int128", "int256", "Bool"]);
const NAME = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;

/** Parses one type expression such as `Vector<Vector<TlsBlock>>`, `%Message`, `!X`, `future_salt`. */
export function parseTypeRef(text: string, generics: readonly string[]): TlTypeRef | undefined {
  if (text === "#") return { kind: "nat" };
  if (text === "true") return { kind: "true" };
  if (PRIMITIVES.has(text)) return { kind: "primitive", name: text as TlPrimitive };
  if (text.startsWith("!")) {
    const name = text.slice(1);
    return generics.includes(name) ? { kind: "generic", name, bang: true } : undefined;
  }
  if (generics.includes(text)) return { kind: "generic", name: text, bang: false };
  const vector = /^([Vv]ector)<(.+)>$/.exec(text);
  if (vector) {
    const of = parseTypeRef(vector[2]!, generics);
    return of && { kind: "vector", boxed: vector[1] === "Vector", of };
  }
  if (text.startsWith("%")) {
    const name = text.slice(1);
    return NAME.test(name) ? { kind: "bare", name, percent: true } : undefined;
  }
  if (!NAME.test(text)) return undefined;
  const last = text.slice(text.lastIndexOf(".") + 1);
  const first = last.charAt(0);
  return first === first.toUpperCase() && first !== "_"
    ? { kind: "boxed", name: text }
    : { kind: "bare", name: text, percent: false };
}

/**
 * The type as written in the normalised text whose CRC32 is the id. A parameter of type `bytes`
 * counts as `string`, but `bytes` inside `Vector<bytes>` stays (as Telegram computes it).
 */
export function normalizeTypeRef(type: TlTypeRef, keepBytes = false): string {
  switch (type.kind) {
    case "nat":
      return "#";
    case "true":
      return "true";
    case "primitive":
      return type.name === "bytes" && !keepBytes ? "string" : type.name;
    case "vector":
      return `${type.boxed ? "Vector" : "vector"} ${normalizeTypeRef(type.of, true)}`;
    case "boxed":
      return type.name;
    case "bare":
      return type.percent ? `%${type.name}` : type.name;
    case "generic":
      return type.bang ? `!${type.name}` : type.name;
  }
}
