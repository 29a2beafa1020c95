import type { TlCombinator, TlTypeRef } from "../parser/ast.js";
import { BOOL_CONSTRUCTORS, type CodegenModel, bareConstructor, flagFields } from "./model.js";
import { camel, constructorTypeName, fnName, methodTypeName } from "./names.js";
import { tsType } from "./ts-type.js";
import { checkTypeIds, typeIdOf } from "./type-ids.js";

const PRIMITIVE_READ: Readonly<Record<string, [call: string, element: string, size: number]>> = {
  int: ["r.int()", "readInt", 4],
  long: ["r.long()", "readLong", 8],
  double: ["r.double()", "readDouble", 8],
  string: ["r.string()", "readString", 4],
  bytes: ["r.bytes()", "readBytes", 4],
  int128: ["r.int128()", "readInt128", 16],
  int256: ["r.int256()", "readInt256", 32],
  Bool: ["r.bool()", "readBool", 4],
};

/** Smallest wire size of a value, so a vector count can be checked before reading. */
export function minSize(model: CodegenModel, type: TlTypeRef, depth = 0): number {
  if (type.kind === "primitive") return PRIMITIVE_READ[type.name]![2];
  if (type.kind === "bare" && depth < 8) {
    const c = bareConstructor(model, type);
    return c.params.reduce((sum, p) => sum + (p.condition ? 0 : minSize(model, p.type, depth + 1)), 0);
  }
  return type.kind === "true" ? 0 : 4;
}

/**
 * Arguments of `r.boxed` / `r.boxedVector` that check a value against the declared boxed type
 * `name`; undefined for `Object` (any type), which stays unchecked like `!X`.
 */
function typeCheckArgs(model: CodegenModel, name: string): string | undefined {
  if (name === "Object") return undefined;
  if (!model.byType.has(name)) throw new Error(`type ${name} has no constructor in this schema`);
  return `${typeIdOf(name)}, ${JSON.stringify(name)}`;
}

/** A function `(r) => value` for vector elements. */
function elementReader(model: CodegenModel, type: TlTypeRef): string {
  if (type.kind === "primitive") return PRIMITIVE_READ[type.name]![1];
  if (type.kind === "nat") return "readNat";
  if (type.kind === "bare") return fnName("r", bareConstructor(model, type).name);
  if (type.kind === "vector" || type.kind === "boxed") return `(r: TlReader) => ${readExpr(model, type)}`;
  return "readObject";
}

export function readExpr(model: CodegenModel, type: TlTypeRef): string {
  switch (type.kind) {
    case "nat":
      // `#` is an unsigned 32-bit number (https://core.telegram.org/mtproto/TL-formal).
      return "r.uint()";
    case "true":
      return "true";
    case "primitive":
      return PRIMITIVE_READ[type.name]![0];
    case "vector": {
      if (type.boxed && (type.of.kind === "boxed" || (type.of.kind === "generic" && type.of.bang))) {
        const check = type.of.kind === "boxed" ? typeCheckArgs(model, type.of.name) : undefined;
        const call = check === undefined ? "r.objectVector()" : `r.boxedVector(${check})`;
        return `(${call} as ${tsType(model, type, "T.")})`;
      }
      const size = Math.max(1, minSize(model, type.of));
      const call = `r.${type.boxed ? "vector" : "bareVector"}(${elementReader(model, type.of)}, ${size})`;
      const elementRaw = type.of.kind === "boxed" || type.of.kind === "generic";
      return elementRaw ? `(${call} as ${tsType(model, type, "T.")})` : call;
    }
    case "bare":
      return `${fnName("r", bareConstructor(model, type).name)}(r)`;
    case "boxed": {
      const check = typeCheckArgs(model, type.name);
      return `(${check === undefined ? "r.object()" : `r.boxed(${check})`} as ${tsType(model, type, "T.")})`;
    }
    case "generic":
      return `(r.object() as ${tsType(model, type, "T.")})`;
  }
}

function readerFunction(model: CodegenModel, c: TlCombinator): string {
  const typeName = c.kind === "method" ? methodTypeName(c.name) : constructorTypeName(c.name);
  const flags = flagFields(c);
  const body: string[] = [];
  const props: string[] = [`_: ${JSON.stringify(c.name)}`];
  for (const p of c.params) {
    const local = `v_${p.name}`;
    if (flags.has(p.name)) {
      body.push(`  const ${local} = r.int();`);
      continue;
    }
    const key = camel(p.name);
    if (p.condition) {
      const test = `(v_${p.condition.field} & ${(2 ** p.condition.bit) | 0}) !== 0`;
      if (p.type.kind === "true") {
        props.push(`${key}: ${test}`);
        continue;
      }
      body.push(`  const ${local} = ${test} ? ${readExpr(model, p.type)} : undefined;`);
    } else if (c.name === "rpc_result" && p.name === "result") {
      // The wire carries no type for results such as Vector<long>; ask which method it answers.
      body.push(`  const ${local} = r.rpcResult(v_req_msg_id);`);
    } else {
      body.push(`  const ${local} = ${readExpr(model, p.type)};`);
    }
    props.push(`${key}: ${local}`);
  }
  return [
    `export function ${fnName("r", c.name)}(r: TlReader): T.${typeName} {`,
    ...body,
    `  return { ${props.join(", ")} };`,
    "}",
  ].join("\n");
}

/**
 * readers.ts: a body reader per constructor and method, for the `c_<name>` entries (entries.ts) of
 * programs that name a few constructors; full registries read through the table (emit-table.ts).
 */
export function emitReaders(model: CodegenModel): string {
  checkTypeIds(model);
  const out = [
    "// Generated by scripts/generate.ts from schema/*.tl. Do not edit.",
    'import type { TlReader } from "../../runtime/reader.js";\nimport { readInt, readNat, readLong, readDouble, readString, readBytes, readInt128, readInt256, readBool, readObject } from "../../runtime/element-readers.js";',
    'import type { TlObject } from "../../runtime/types.js";',
    'import type * as T from "./types.js";',
    "void [readInt, readNat, readLong, readDouble, readString, readBytes, readInt128, readInt256, readBool, readObject];",
  ];
  for (const c of [...model.constructors, ...model.methods])
    if (!BOOL_CONSTRUCTORS.has(c.name)) out.push(readerFunction(model, c));
  return `${out.join("\n")}\n`;
}
