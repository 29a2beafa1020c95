import type { TlTypeRef } from "../parser/ast.js";
import { type CodegenModel, bareConstructor } from "./model.js";
import { constructorTypeName, unionTypeName } from "./names.js";

/** The TypeScript type of a value of `type` (representation documented in the README). */
/** `qualifier` (e.g. `T.`) is put before generated type names when used outside types.ts. */
export function tsType(model: CodegenModel, type: TlTypeRef, qualifier = ""): string {
  switch (type.kind) {
    case "nat":
      return "number";
    case "true":
      return "boolean";
    case "primitive":
      switch (type.name) {
        case "int":
        case "double":
          return "number";
        case "long":
          return "bigint";
        case "string":
          return "string";
        case "Bool":
          return "boolean";
        default:
          return "Uint8Array";
      }
    case "vector": {
      const inner = tsType(model, type.of, qualifier);
      return inner.includes(" ") ? `(${inner})[]` : `${inner}[]`;
    }
    case "boxed":
      if (type.name === "Object") return "TlObject";
      if (!model.byType.has(type.name)) throw new Error(`type ${type.name} has no constructor in this schema`);
      return qualifier + unionTypeName(type.name);
    case "bare":
      return qualifier + constructorTypeName(bareConstructor(model, type).name);
    case "generic":
      return type.bang ? "TlObject" : "unknown";
  }
}
