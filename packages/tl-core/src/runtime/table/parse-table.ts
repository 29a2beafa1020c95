import { ANY_TYPE } from "../types.js";
import { parseTypeCode, type TypeNode, typeIdOf } from "./type-code.js";

/** One field of a table definition. */
export interface TableField {
  readonly key: string;
  readonly type: TypeNode;
  /** For `flags.N?T`: index in `fields` of the `#` word holding the bit, and the bit's mask. */
  readonly condition?: { readonly word: number; readonly mask: number };
  /** A `#` field that some condition refers to: a flags word, not a field of the object. */
  readonly isFlags: boolean;
}

/** A constructor or method of the table; its fields are parsed on first use. */
export class TableDefinition {
  private parsedFields: readonly TableField[] | undefined;

  constructor(
    readonly id: number,
    readonly name: string,
    /** Boxed type id (ANY_TYPE for methods and non-boxed constructors). */
    readonly typeId: number,
    /** Methods only: the result code. */
    readonly result: string | undefined,
    private readonly fieldCodes: readonly string[],
  ) {}

  get fields(): readonly TableField[] {
    return (this.parsedFields ??= parseFields(this.fieldCodes));
  }
}

/**
 * The same string, internalized: a property key comes back from the engine's string table. Names and
 * keys cut out of the table are slices of it; as Map keys (writers by `_`) and property keys they
 * would be compared character by character, or looked up in the string table, on every use.
 */
function internalize(text: string): string {
  return Object.keys({ [text]: 0 })[0]!;
}

/** `flags.3?Peer`: the flags field, the bit, the type code (a code never holds `?` but as Bool). */
const CONDITION = /^(\w+)\.(\d+)\?(.+)$/;

function parseFields(codes: readonly string[]): TableField[] {
  const raw = codes.map((text) => {
    const colon = text.indexOf(":");
    const key = internalize(text.slice(0, colon));
    const rest = text.slice(colon + 1);
    const match = CONDITION.exec(rest);
    if (match === null) return { key, code: rest, flag: undefined };
    return { key, code: match[3]!, flag: { key: match[1]!, bit: Number(match[2]) } };
  });
  const flagWords = new Set(raw.map((f) => f.flag?.key));
  return raw.map(({ key, code, flag }): TableField => {
    const type = parseTypeCode(code);
    const isFlags = type.kind === "nat" && flagWords.has(key);
    if (flag === undefined) return { key, type, isFlags };
    const word = raw.findIndex((f) => f.key === flag.key);
    return { key, type, isFlags, condition: { word, mask: (2 ** flag.bit) | 0 } };
  });
}

/** The definitions of one table, in order (constructors, then methods). */
export function parseTable(table: string): TableDefinition[] {
  const out: TableDefinition[] = [];
  let typeId = ANY_TYPE;
  let methods = false;
  for (const line of table.split("\n")) {
    if (line.startsWith("=")) {
      typeId = line.length > 1 ? typeIdOf(line.slice(1)) : ANY_TYPE;
      continue;
    }
    if (line === "!") {
      methods = true;
      typeId = ANY_TYPE;
      continue;
    }
    const parts = line.split(" ");
    const id = parseInt(parts[0]!, 36) | 0;
    const name = internalize(parts[1]!);
    const result = methods ? parts[2] : undefined;
    out.push(new TableDefinition(id, name, typeId, result, parts.slice(methods ? 3 : 2)));
  }
  return out;
}
