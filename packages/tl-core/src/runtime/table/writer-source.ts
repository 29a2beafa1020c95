import type { CompileContext, TlWriteFn } from "./compile-context.js";
import { valueWriter } from "./elements.js";
import type { TableDefinition } from "./parse-table.js";
import type { TypeNode } from "./type-code.js";

const PRIMITIVE_METHODS: Readonly<Record<string, string>> = {
  i: "int",
  l: "long",
  d: "double",
  s: "string",
  y: "bytes",
  m: "int128",
  n: "int256",
  "?": "bool",
};

/**
 * Source text of a body writer, as the generator used to emit it: flags words computed from which
 * fields are present, then every field in order. A conditional field is written whenever its bit is
 * set, so fields sharing a bit stay consistent (a missing value then fails with a TlError).
 */
/** `o.key` for an identifier (all camelCase TL names), else `o["..."]`. */
const property = (key: string): string => (/^[A-Za-z_$][\w$]*$/.test(key) ? `o.${key}` : `o[${JSON.stringify(key)}]`);

function writerSource(context: CompileContext, definition: TableDefinition, deps: unknown[]): string {
  const dep = (fn: unknown): string => `d${deps.push(fn) - 1}`;
  const statement = (type: TypeNode, value: string): string => {
    switch (type.kind) {
      case "nat":
        return `w.int(${value});`;
      case "true":
        return "";
      case "primitive":
        return `w.${PRIMITIVE_METHODS[type.code]!}(${value});`;
      case "vector":
        if (type.boxed && (type.of.kind === "boxed" || type.of.kind === "any")) return `w.objectVector(${value});`;
        return `w.${type.boxed ? "vector" : "bareVector"}(${value}, ${dep(valueWriter(context, type.of))});`;
      case "bare":
        return `${dep(context.bareWriter(type.name))}(w, ${value});`;
      case "untyped":
      case "rpcResult":
        return `w.untyped(${value});`;
      default:
        return `w.object(${value});`;
    }
  };
  const fields = definition.fields;
  const body: string[] = [];
  fields.forEach((field, i) => {
    if (field.isFlags) body.push(`let f${i} = 0;`);
  });
  fields.forEach((field) => {
    if (field.condition === undefined) return;
    const value = property(field.key);
    const present = field.type.kind === "true" ? `${value} === true` : `${value} !== undefined`;
    body.push(`if (${present}) f${field.condition.word} |= ${field.condition.mask};`);
  });
  fields.forEach((field, i) => {
    if (field.isFlags) {
      body.push(`w.int(f${i});`);
      return;
    }
    if (field.type.kind === "true") return;
    const write = statement(field.type, property(field.key));
    if (field.condition === undefined) body.push(write);
    else body.push(`if ((f${field.condition.word} & ${field.condition.mask}) !== 0) ${write}`);
  });
  return `"use strict";\nreturn function (w, o) {\n${body.join("\n")}\n}`;
}

export function compileWriterSource(context: CompileContext, definition: TableDefinition): TlWriteFn {
  const deps: unknown[] = [];
  const source = writerSource(context, definition, deps);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the text is built from the table above, see writerSource
  const build = new Function(...deps.map((_, i) => `d${i}`), source) as (...functions: unknown[]) => TlWriteFn;
  return build(...deps);
}
