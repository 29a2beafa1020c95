import { parseTable, type TableDefinition } from "../runtime/table/parse-table.js";
import { readExpression, type ReaderNames } from "../runtime/table/reader-source.js";
import { PRIMITIVES, type TypeNode } from "../runtime/table/type-code.js";
import { objectProperty, writeStatement, type WriterNames } from "../runtime/table/writer-source.js";
import { tableText } from "./emit-table.js";
import type { CodegenModel } from "./model.js";
import { fnName } from "./names.js";

/**
 * The generator's side of the one source builder: the schema converted to the table the runtime compiles
 * (emit-table.ts), and names for what the text calls, so readers.ts and writers.ts hold the same function
 * bodies `new Function` compiles at run time (runtime/table/reader-source.ts, writer-source.ts).
 */
export interface TableSource {
  /** Definitions by name (constructors and methods). */
  readonly byName: ReadonlyMap<string, TableDefinition>;
  /** Names in readers.ts; with `prefix` (e.g. `"R."`) for code that imports readers.ts as a namespace. */
  readerNames(prefix: string): ReaderNames;
  readonly writerNames: WriterNames;
}

/** `int` -> `Int`: element functions are `readInt`, `writeInt`, … (runtime/element-readers.ts). */
const elementName = (verb: "read" | "write", code: string): string => {
  const method = PRIMITIVES[code]![0];
  return `${verb}${method.charAt(0).toUpperCase()}${method.slice(1)}`;
};

export function tableSource(model: CodegenModel): TableSource {
  const byName = new Map<string, TableDefinition>();
  for (const d of parseTable(tableText(model))) byName.set(d.name, d);
  const definition = (name: string): TableDefinition => {
    const d = byName.get(name);
    if (d === undefined) throw new Error(`${name} is not a definition of this schema`);
    return d;
  };
  const readerNames = (prefix: string): ReaderNames => {
    const names: ReaderNames = {
      definition,
      bareReader: (name) => `${prefix}${fnName("r", name)}`,
      elementReader(type: TypeNode): string {
        switch (type.kind) {
          case "primitive":
            return elementName("read", type.code);
          case "nat":
            return "readNat";
          case "true":
            return "() => true";
          case "bare":
            return names.bareReader(type.name);
          case "vector":
          case "boxed":
            return `(r: TlReader) => ${readExpression(type, names)}`;
          default:
            return "readObject";
        }
      },
    };
    return names;
  };
  const writerNames: WriterNames = {
    bareWriter: (name) => fnName("w", name),
    // Every key is a camelCase identifier; `!`: a conditional field is written when its bit is set.
    property: (key, conditional) => `${objectProperty(key)}${conditional ? "!" : ""}`,
    elementWriter(type: TypeNode): string {
      switch (type.kind) {
        case "primitive":
          return elementName("write", type.code);
        case "nat":
          return "writeInt";
        case "true":
          return "() => undefined";
        case "bare":
          return writerNames.bareWriter(type.name);
        case "vector":
          return `(w: TlWriter, v) => { ${writeStatement(type, "v", writerNames)} }`;
        case "untyped":
        case "rpcResult":
          return "(w: TlWriter, v: unknown) => { w.untyped(v); }";
        default:
          return "writeObject";
      }
    },
  };
  return { byName, readerNames, writerNames };
}
