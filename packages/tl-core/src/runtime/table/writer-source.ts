import type { CompileContext, TlWriteFn } from "./compile-context.js";
import { valueWriter } from "./elements.js";
import type { TableDefinition } from "./parse-table.js";
import { PRIMITIVES, type TypeNode } from "./type-code.js";

/** How a writer's source text names what it uses: see ReaderNames (reader-source.ts). */
export interface WriterNames {
  /** An expression for a function `(w, value)` that writes one `type` (vector elements). */
  elementWriter(type: TypeNode): string;
  /** An expression for the body writer of the constructor `name` (bare `%T` fields). */
  bareWriter(name: string): string;
  /** The field `key` of the object `o`; `conditional` for a `flags.N?T` field, read where its bit is set. */
  property(key: string, conditional: boolean): string;
}

/** `o.key` for an identifier (all camelCase TL names), else `o["..."]`. */
export const objectProperty = (key: string): string =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? `o.${key}` : `o[${JSON.stringify(key)}]`;

/** A statement writing `value` of `type` to `w`. */
export function writeStatement(type: TypeNode, value: string, names: WriterNames): string {
  switch (type.kind) {
    case "nat":
      return `w.int(${value});`;
    case "true":
      return "";
    case "primitive":
      return `w.${PRIMITIVES[type.code]![0]}(${value});`;
    case "vector":
      if (type.boxed && (type.of.kind === "boxed" || type.of.kind === "any")) return `w.objectVector(${value});`;
      return `w.${type.boxed ? "vector" : "bareVector"}(${value}, ${names.elementWriter(type.of)});`;
    case "bare":
      return `${names.bareWriter(type.name)}(w, ${value});`;
    case "untyped":
    case "rpcResult":
      return `w.untyped(${value});`;
    default:
      return `w.object(${value});`;
  }
}

/**
 * The body of a writer of `o` to `w`: flags words computed from which fields are present, then every field
 * in order. A conditional field is written whenever its bit is set, so fields sharing a bit stay consistent
 * (a missing value then fails with a TlError instead of producing bytes the reader would misparse).
 */
export function writerBody(definition: TableDefinition, names: WriterNames): string[] {
  const fields = definition.fields;
  const body: string[] = [];
  fields.forEach((field, i) => {
    if (field.isFlags) body.push(`let f${i} = 0;`);
  });
  fields.forEach((field) => {
    if (field.condition === undefined) return;
    const value = objectProperty(field.key);
    const present = field.type.kind === "true" ? `${value} === true` : `${value} !== undefined`;
    body.push(`if (${present}) f${field.condition.word} |= ${field.condition.mask};`);
  });
  fields.forEach((field, i) => {
    if (field.isFlags) {
      body.push(`w.int(f${i});`);
      return;
    }
    if (field.type.kind === "true") return;
    const conditional = field.condition !== undefined;
    const write = writeStatement(field.type, names.property(field.key, conditional), names);
    if (field.condition === undefined) body.push(write);
    else body.push(`if ((f${field.condition.word} & ${field.condition.mask}) !== 0) ${write}`);
  });
  return body;
}

/** A body writer compiled with `new Function`; the functions it calls are passed in as `d0`, `d1`, …. */
export function compileWriterSource(context: CompileContext, definition: TableDefinition): TlWriteFn {
  const deps: unknown[] = [];
  const dep = (fn: unknown): string => `d${deps.push(fn) - 1}`;
  const body = writerBody(definition, {
    elementWriter: (type) => dep(valueWriter(context, type)),
    bareWriter: (name) => dep(context.bareWriter(name)),
    property: objectProperty,
  });
  const source = `"use strict";\nreturn function (w, o) {\n${body.join("\n")}\n}`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the text is built from the table, see writerBody
  const build = new Function(...deps.map((_, i) => `d${i}`), source) as (...functions: unknown[]) => TlWriteFn;
  return build(...deps);
}
