import type { TlReadFn } from "../types.js";
import type { CompileContext } from "./compile-context.js";
import { minSize, valueReader } from "./elements.js";
import type { TableDefinition } from "./parse-table.js";
import type { TypeNode } from "./type-code.js";

const PRIMITIVE_CALLS: Readonly<Record<string, string>> = {
  i: "r.int()",
  l: "r.long()",
  d: "r.double()",
  s: "r.string()",
  y: "r.bytes()",
  m: "r.int128()",
  n: "r.int256()",
  "?": "r.bool()",
};

/**
 * Source text of a body reader, the same code the generator used to emit per constructor (so V8
 * optimises it the same way): fields read into locals, then one object literal in field order.
 * Functions the body calls (vector elements, bare constructors) are passed in as `d0`, `d1`, …; names and
 * keys enter the text only through JSON.stringify.
 */
function readerSource(context: CompileContext, definition: TableDefinition, deps: unknown[]): string {
  const dep = (fn: unknown): string => `d${deps.push(fn) - 1}`;
  const expr = (type: TypeNode): string => {
    switch (type.kind) {
      case "nat":
        return "r.uint()";
      case "true":
        return "true";
      case "primitive":
        return PRIMITIVE_CALLS[type.code]!;
      case "vector":
        if (type.boxed && type.of.kind === "boxed")
          return `r.boxedVector(${type.of.typeId}, ${JSON.stringify(type.of.name)})`;
        if (type.boxed && type.of.kind === "any") return "r.objectVector()";
        return `r.${type.boxed ? "vector" : "bareVector"}(${dep(valueReader(context, type.of))}, ${Math.max(1, minSize(context, type.of))})`;
      case "bare":
        return `${dep(context.bareReader(type.name))}(r)`;
      case "boxed":
        return `r.boxed(${type.typeId}, ${JSON.stringify(type.name)})`;
      default:
        return "r.object()";
    }
  };
  const fields = definition.fields;
  const body: string[] = [];
  const props: string[] = [`_: ${JSON.stringify(definition.name)}`];
  fields.forEach((field, i) => {
    const key = JSON.stringify(field.key);
    if (field.isFlags) {
      body.push(`const v${i} = r.int();`);
      return;
    }
    if (field.condition !== undefined) {
      const test = `(v${field.condition.word} & ${field.condition.mask}) !== 0`;
      if (field.type.kind === "true") {
        props.push(`${key}: ${test}`);
        return;
      }
      body.push(`const v${i} = ${test} ? ${expr(field.type)} : undefined;`);
    } else if (field.type.kind === "rpcResult") {
      // The wire carries no type for results such as Vector<long>; ask which method it answers.
      body.push(`const v${i} = r.rpcResult(v${fields.findIndex((f) => f.key === "reqMsgId")});`);
    } else {
      body.push(`const v${i} = ${expr(field.type)};`);
    }
    props.push(`${key}: v${i}`);
  });
  return `"use strict";\nreturn function (r) {\n${body.join("\n")}\nreturn { ${props.join(", ")} };\n}`;
}

export function compileReaderSource(context: CompileContext, definition: TableDefinition): TlReadFn {
  const deps: unknown[] = [];
  const source = readerSource(context, definition, deps);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the text is built from the table above, see readerSource
  const build = new Function(...deps.map((_, i) => `d${i}`), source) as (...functions: unknown[]) => TlReadFn;
  return build(...deps);
}
