import type { TlCombinator, TlParam, TlTypeRef } from "../parser/ast.js";

/** A schema ready for code generation: lookups the emitters share. */
export interface CodegenModel {
  readonly constructors: readonly TlCombinator[];
  readonly methods: readonly TlCombinator[];
  /** Boxed type name -> its constructors. */
  readonly byType: ReadonlyMap<string, readonly TlCombinator[]>;
  readonly byName: ReadonlyMap<string, TlCombinator>;
}

/** Constructors whose values are plain JS booleans rather than objects. */
export const BOOL_CONSTRUCTORS = new Set(["boolTrue", "boolFalse"]);

/**
 * Field types changed from what the schema says. `gzip_packed` is declared `packed_data:string` but
 * holds gzip bytes (https://core.telegram.org/mtproto/serialize#boxed-types), so it is `bytes`.
 */
const FIELD_OVERRIDES: Readonly<Record<string, TlTypeRef>> = {
  "gzip_packed.packed_data": { kind: "primitive", name: "bytes" },
  // Declared `Object`, but the result of a method may be a Vector or Bool; typed `unknown` and
  // decoded with the method the session names (see TlReaderOptions.resolveMethod).
  "rpc_result.result": { kind: "generic", name: "X", bang: false },
};

export interface ModelOptions {
  /**
   * `string` fields (by `constructor.field`) that are text; every other `string` becomes `bytes`.
   * For the MTProto schema, which declares binary data (pq, dh_prime, encrypted_data, …) as
   * `string` (https://core.telegram.org/mtproto/auth_key). Unset: strings stay strings.
   */
  readonly textStrings?: ReadonlySet<string>;
}

const BYTES: TlTypeRef = { kind: "primitive", name: "bytes" };

export function buildModel(
  constructors: readonly TlCombinator[],
  methods: readonly TlCombinator[],
  options: ModelOptions = {},
): CodegenModel {
  const { textStrings } = options;
  const patch = (c: TlCombinator): TlCombinator => ({
    ...c,
    params: c.params.map((p): TlParam => {
      const override = FIELD_OVERRIDES[`${c.name}.${p.name}`];
      if (override) return { ...p, type: override };
      const isString = p.type.kind === "primitive" && p.type.name === "string";
      if (isString && textStrings && !textStrings.has(`${c.name}.${p.name}`)) return { ...p, type: BYTES };
      return p;
    }),
  });
  const ctors = constructors.map(patch);
  const byType = new Map<string, TlCombinator[]>();
  const byName = new Map<string, TlCombinator>();
  for (const c of ctors) {
    if (c.result.kind !== "boxed") continue;
    const list = byType.get(c.result.name) ?? [];
    list.push(c);
    byType.set(c.result.name, list);
    byName.set(c.name, c);
  }
  const meths = methods.map(patch);
  for (const m of meths) byName.set(m.name, m);
  return { constructors: ctors, methods: meths, byType, byName };
}

/** Names of `#` fields that some `flags.N?` parameter refers to; they are not object fields. */
export function flagFields(c: TlCombinator): Set<string> {
  const names = new Set<string>();
  for (const p of c.params) if (p.condition) names.add(p.condition.field);
  return names;
}

/** The constructor a bare reference (`%Message`, `future_salt`) stands for. */
export function bareConstructor(model: CodegenModel, type: Extract<TlTypeRef, { kind: "bare" }>): TlCombinator {
  if (type.percent) {
    const list = model.byType.get(type.name);
    if (list?.length !== 1) throw new Error(`%${type.name} needs exactly one constructor of type ${type.name}`);
    return list[0]!;
  }
  const c = model.byName.get(type.name);
  if (!c) throw new Error(`bare type ${type.name} is not a constructor of this schema`);
  return c;
}
