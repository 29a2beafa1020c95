import type { TlReadFn } from "../types.js";
import type { CompileContext } from "./compile-context.js";
import { minSize, valueReader } from "./elements.js";
import type { TableDefinition } from "./parse-table.js";
import { PRIMITIVES, type TypeNode } from "./type-code.js";

/**
 * How a reader's source text names the functions it calls. The runtime passes them in as `d0`, `d1`, …
 * (compileReaderSource); the code generator names the exported functions of readers.ts and
 * element-readers.ts (codegen/emit-readers.ts). Both build the text with readerBody, so a field rule is
 * written once.
 */
export interface ReaderNames extends Pick<CompileContext, "definition"> {
  /** An expression for a function `(r) => value` that reads one `type` (vector elements). */
  elementReader(type: TypeNode): string;
  /** An expression for the body reader of the constructor `name` (bare `%T` fields). */
  bareReader(name: string): string;
}

/** An expression reading one value of `type` from `r`. */
export function readExpression(type: TypeNode, names: ReaderNames): string {
  switch (type.kind) {
    case "nat":
      // `#` is an unsigned 32-bit number (https://core.telegram.org/mtproto/TL-formal).
      return "r.uint()";
    case "true":
      return "true";
    case "primitive":
      return `r.${PRIMITIVES[type.code]![0]}()`;
    case "vector":
      if (type.boxed && type.of.kind === "boxed")
        return `r.boxedVector(${type.of.typeId}, ${JSON.stringify(type.of.name)})`;
      if (type.boxed && type.of.kind === "any") return "r.objectVector()";
      return `r.${type.boxed ? "vector" : "bareVector"}(${names.elementReader(type.of)}, ${Math.max(1, minSize(names, type.of))})`;
    case "bare":
      return `${names.bareReader(type.name)}(r)`;
    case "boxed":
      return `r.boxed(${type.typeId}, ${JSON.stringify(type.name)})`;
    default:
      return "r.object()";
  }
}

/**
 * The body of a reader of `r`: fields read into locals, then one object literal in field order (the shape
 * V8 optimises best). Names and keys enter the text only through JSON.stringify.
 */
export function readerBody(definition: TableDefinition, names: ReaderNames): { statements: string[]; value: string } {
  const fields = definition.fields;
  const statements: string[] = [];
  const props: string[] = [`_: ${JSON.stringify(definition.name)}`];
  fields.forEach((field, i) => {
    const key = JSON.stringify(field.key);
    if (field.isFlags) {
      statements.push(`const v${i} = r.int();`);
      return;
    }
    if (field.condition !== undefined) {
      const test = `(v${field.condition.word} & ${field.condition.mask}) !== 0`;
      if (field.type.kind === "true") {
        props.push(`${key}: ${test}`);
        return;
      }
      statements.push(`const v${i} = ${test} ? ${readExpression(field.type, names)} : undefined;`);
    } else if (field.type.kind === "rpcResult") {
      // The wire carries no type for results such as Vector<long>; ask which method it answers.
      statements.push(`const v${i} = r.rpcResult(v${fields.findIndex((f) => f.key === "reqMsgId")});`);
    } else {
      statements.push(`const v${i} = ${readExpression(field.type, names)};`);
    }
    props.push(`${key}: v${i}`);
  });
  return { statements, value: `{ ${props.join(", ")} }` };
}

/** A body reader compiled with `new Function`; the functions it calls are passed in as `d0`, `d1`, …. */
export function compileReaderSource(context: CompileContext, definition: TableDefinition): TlReadFn {
  const deps: unknown[] = [];
  const dep = (fn: unknown): string => `d${deps.push(fn) - 1}`;
  const { statements, value } = readerBody(definition, {
    definition: (name) => context.definition(name),
    elementReader: (type) => dep(valueReader(context, type)),
    bareReader: (name) => dep(context.bareReader(name)),
  });
  const source = `"use strict";\nreturn function (r) {\n${statements.join("\n")}\nreturn ${value};\n}`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the text is built from the table, see readerBody
  const build = new Function(...deps.map((_, i) => `d${i}`), source) as (...functions: unknown[]) => TlReadFn;
  return build(...deps);
}
