import type { TlCombinator, TlParam } from "./ast.js";
import { crc32Text } from "./crc32.js";
import { TlParseError } from "./errors.js";
import { normalizeCombinator } from "./normalize.js";
import type { TlStatement } from "./statements.js";
import { parseTypeRef } from "./type-ref.js";

/** Names the TL language itself defines; schemas declare them (`int ? = Int;`) but they are not generated. */
const BUILTINS = new Set(["int", "long", "double", "string", "bytes", "int128", "int256", "vector"]);

const HEAD = /^([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)(?:#([0-9a-fA-F]+))?$/;

/** Parses one declaration; returns undefined for built-in type declarations. */
export function parseCombinator(statement: TlStatement): TlCombinator | undefined {
  const { text, line } = statement;
  const eq = text.indexOf("=");
  if (eq < 0) throw new TlParseError("SYNTAX", line, `missing '=' in "${text}"`);
  const left = text.slice(0, eq).trim().split(/\s+/);
  const resultText = text.slice(eq + 1).trim();
  const head = HEAD.exec(left[0] ?? "");
  if (!head) throw new TlParseError("SYNTAX", line, `bad combinator name "${left[0] ?? ""}"`);
  const name = head[1]!;
  if (BUILTINS.has(name) || left.includes("?") || text.includes("[")) return undefined;
  if (head[2] !== undefined && head[2].length > 8)
    throw new TlParseError("BAD_ID", line, `id #${head[2]} is longer than 32 bits`);
  const explicitId = head[2] === undefined ? undefined : Number.parseInt(head[2], 16) | 0;

  const generics: string[] = [];
  const params: TlParam[] = [];
  for (const token of left.slice(1)) {
    const generic = /^\{(\w+):Type\}$/.exec(token);
    if (generic) {
      if (params.length > 0) throw new TlParseError("SYNTAX", line, "generic {X:Type} after a parameter");
      generics.push(generic[1]!);
      continue;
    }
    params.push(parseParam(token, generics, params, line));
  }
  if (resultText === "" || /\s/.test(resultText))
    throw new TlParseError("SYNTAX", line, `bad result type "${resultText}"`);
  const result = parseTypeRef(resultText, generics);
  if (!result) throw new TlParseError("SYNTAX", line, `bad result type "${resultText}"`);
  const normalized = normalizeCombinator(name, generics, params, result);
  const computedId = crc32Text(normalized) | 0;
  return {
    kind: statement.section === "functions" ? "method" : "constructor",
    name,
    id: explicitId ?? computedId,
    explicitId,
    computedId,
    normalized,
    generics,
    params,
    result,
    line,
    source: text,
  };
}

function parseParam(token: string, generics: readonly string[], earlier: readonly TlParam[], line: number): TlParam {
  const match = /^(\w+):(.+)$/.exec(token);
  if (!match) throw new TlParseError("SYNTAX", line, `bad parameter "${token}"`);
  const name = match[1]!;
  let typeText = match[2]!;
  if (earlier.some((p) => p.name === name)) throw new TlParseError("DUPLICATE", line, `parameter "${name}" twice`);
  let condition: TlParam["condition"];
  const conditional = /^(\w+)\.(\d+)\?(.+)$/.exec(typeText);
  if (conditional) {
    const field = conditional[1]!;
    const bit = Number(conditional[2]);
    const flags = earlier.find((p) => p.name === field);
    if (flags?.type.kind !== "nat")
      throw new TlParseError("BAD_FLAG", line, `"${token}" refers to "${field}", which is not an earlier # field`);
    if (bit > 31) throw new TlParseError("BAD_FLAG", line, `bit ${bit} in "${token}" is beyond 31`);
    condition = { field, bit };
    typeText = conditional[3]!;
  }
  const type = parseTypeRef(typeText, generics);
  if (!type) throw new TlParseError("SYNTAX", line, `bad type "${typeText}" in "${token}"`);
  if (type.kind === "true" && !condition)
    throw new TlParseError("BAD_FLAG", line, `"${token}": true is only allowed behind a flag`);
  return condition ? { name, type, condition } : { name, type };
}
