import { readBoolResult, readObject, readVectorResult } from "../element-readers.js";
import { TlError } from "../errors.js";
import type { TlReader } from "../reader.js";
import type { TlReadFn, TlReaderEntry, TlRegistry, TlResultEntry, TlWriterEntry } from "../types.js";
import type { TlWriter } from "../writer.js";
import type { CompileContext, TlWriteFn } from "./compile-context.js";
import { minSize, valueReader } from "./elements.js";
import { parseTable, type TableDefinition } from "./parse-table.js";
import { compileReaderClosures } from "./reader-closures.js";
import { compileReaderSource } from "./reader-source.js";
import { parseTypeCode } from "./type-code.js";
import { compileWriterClosures } from "./writer-closures.js";
import { compileWriterSource } from "./writer-source.js";

export interface TableRegistryOptions {
  /**
   * How each constructor's reader and writer are built on first use: `"function"` generates its
   * code with `new Function` (fastest), `"closures"` composes one closure per field (works under a
   * Content-Security-Policy without 'unsafe-eval'). Default: `"function"` where it is allowed.
   */
  readonly codegen?: "function" | "closures";
}

let evalAllowed: boolean | undefined;

/** Whether `new Function` runs here (a strict CSP makes it throw an EvalError); asked once. */
function canGenerateCode(): boolean {
  if (evalAllowed === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a constant probe
      const probe = new Function("return true") as () => unknown;
      evalAllowed = probe() === true;
    } catch {
      evalAllowed = false;
    }
  }
  return evalAllowed;
}

interface MutableReaderEntry {
  readonly type: number;
  read: TlReadFn;
}
interface MutableWriterEntry {
  readonly id: number;
  write: TlWriteFn;
}

function resultEntry(context: CompileContext, code: string): TlResultEntry {
  if (code.startsWith("&")) return { genericField: code.slice(1) };
  // Vector and Bool results carry no usable type on the wire, but rpc_error or gzip_packed may come instead.
  if (code === "?") return readBoolResult;
  if (code === "!") return readObject;
  let read: TlReadFn | undefined;
  const compile = (): TlReadFn => {
    const type = parseTypeCode(code);
    if (type.kind !== "vector" || !type.boxed) return valueReader(context, type);
    const element = valueReader(context, type.of);
    const size = Math.max(1, minSize(context, type.of));
    return (r: TlReader) => readVectorResult(r, element, size);
  };
  return (r: TlReader) => (read ??= compile())(r);
}

/**
 * A registry for a schema table (generated table.ts, format in codegen/emit-table.ts): every id and
 * name is known at once, and each constructor's reader and writer is compiled on its first use, so
 * a program pays in bytes for one compact table instead of a function per constructor (issue 14).
 */
export function tableRegistry(table: string, options: TableRegistryOptions = {}): TlRegistry {
  const definitions = parseTable(table);
  const byName = new Map<string, TableDefinition>();
  for (const d of definitions) byName.set(d.name, d);
  const readers = new Map<number, TlReaderEntry>();
  const writers = new Map<string, TlWriterEntry>();
  const results = new Map<string, TlResultEntry>();
  let mode: "function" | "closures" | undefined = options.codegen;
  const context: CompileContext = {
    get mode() {
      return (mode ??= canGenerateCode() ? "function" : "closures");
    },
    definition(name) {
      const d = byName.get(name);
      if (d === undefined) throw new TlError("UNKNOWN_NAME", 0, "a constructor of this schema", name);
      return d;
    },
    bareReader(name) {
      const entry = readers.get(context.definition(name).id)!;
      return (r: TlReader) => entry.read(r);
    },
    bareWriter(name) {
      const entry = writers.get(context.definition(name).name)!;
      return (w: TlWriter, value) => {
        entry.write(w, value);
      };
    },
  };
  for (const d of definitions) {
    if (d.name === "boolTrue" || d.name === "boolFalse") {
      const value = d.name === "boolTrue";
      readers.set(d.id, {
        read: function readBool() {
          return value;
        },
        type: d.typeId,
      });
      continue;
    }
    // The stubs are plain (strict) functions like the compiled ones, not arrows: an arrow replaced by a
    // function changes the field's type, which deprecates the entries' hidden class and leaves the
    // `entry.read(...)` / `entry.write(...)` calls of TlReader and TlWriter polymorphic.
    const reader: MutableReaderEntry = {
      type: d.typeId,
      read: function compileAndRead(r) {
        reader.read = context.mode === "function" ? compileReaderSource(context, d) : compileReaderClosures(context, d);
        return reader.read(r);
      },
    };
    const writer: MutableWriterEntry = {
      id: d.id,
      write: function compileAndWrite(w, value) {
        writer.write =
          context.mode === "function" ? compileWriterSource(context, d) : compileWriterClosures(context, d);
        writer.write(w, value);
      },
    };
    readers.set(d.id, reader);
    writers.set(d.name, writer);
    if (d.result !== undefined) results.set(d.name, resultEntry(context, d.result));
  }
  return { readers, writers, results };
}
