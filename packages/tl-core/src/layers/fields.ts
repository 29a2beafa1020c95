import type { TlCombinator, TlParam } from "../parser/ast.js";
import { normalizeTypeRef } from "../parser/type-ref.js";
import { camel } from "../codegen/names.js";

/** One field of a definition as objects hold it: the camelCase key the generated code uses. */
export interface Field {
  readonly key: string;
  readonly param: TlParam;
  /** The type as the schema writes it (`Vector<User>`, `int`), for comparing layers. */
  readonly typeText: string;
}

const cache = new WeakMap<TlCombinator, readonly Field[]>();

/** The object fields of `c` (its `#` flag words are not fields: they are derived from the others). */
export function fieldsOf(c: TlCombinator): readonly Field[] {
  let fields = cache.get(c);
  if (fields === undefined) {
    const flagWords = new Set(c.params.flatMap((p) => (p.condition === undefined ? [] : [p.condition.field])));
    fields = c.params
      .filter((p) => !flagWords.has(p.name))
      .map((param) => ({ key: camel(param.name), param, typeText: normalizeTypeRef(param.type, true) }));
    cache.set(c, fields);
  }
  return fields;
}

/** A field every object of the definition carries (no `flags.N?` condition, not a flag word). */
export const isRequired = (p: TlParam): boolean => p.condition === undefined && p.type.kind !== "nat";
