import { crc32Text } from "../parser/crc32.js";
import type { TlCombinator } from "../parser/ast.js";
import { ANY_TYPE } from "../runtime/types.js";
import type { CodegenModel } from "./model.js";

/**
 * The integer a generated reader compares to check that a boxed value belongs to a field's declared
 * type: the CRC32 of the type name (as a signed 32-bit literal). Derived from the name, so the
 * MTProto, API and secret schemas agree without a shared table and a combined registry keeps
 * working; `checkTypeIds` makes sure no two names of a schema (nor a name and ANY_TYPE) collide.
 */
export function typeIdOf(typeName: string): number {
  return crc32Text(`type ${typeName}`) | 0;
}

/** The type id stored in the registry for `c`: its boxed result type, or ANY_TYPE for methods. */
export function entryTypeId(c: TlCombinator): number {
  return c.kind === "constructor" && c.result.kind === "boxed" ? typeIdOf(c.result.name) : ANY_TYPE;
}

/** Throws if two type names of the model share an id or one equals ANY_TYPE. */
export function checkTypeIds(model: CodegenModel): void {
  const seen = new Map<number, string>([[ANY_TYPE, "(any type)"]]);
  for (const name of model.byType.keys()) {
    const id = typeIdOf(name);
    const other = seen.get(id);
    if (other !== undefined) throw new Error(`type ids of ${name} and ${other} collide (${id})`);
    seen.set(id, name);
  }
}
