import type { TlCombinator } from "../parser/ast.js";
import { parseCombinator } from "../parser/combinator.js";
import {
  ABSENT,
  BASE_CONSTRUCTORS,
  BASE_LAYER,
  BASE_METHODS,
  DELTA_CONSTRUCTORS,
  DELTA_METHODS,
  OLDER_LAYERS,
} from "../generated/layers/data.js";

/** The definitions of one API layer, looked up by name and by boxed type. */
export interface LayerModel {
  readonly layer: number;
  /** Constructors and methods by name. */
  readonly byName: ReadonlyMap<string, TlCombinator>;
  /** Boxed type name -> its constructors in this layer. */
  readonly byType: ReadonlyMap<string, readonly TlCombinator[]>;
  /** Names of base-layer definitions whose id this layer lacks (they are written another way). */
  readonly changed: ReadonlySet<string>;
}

const parse = (text: string, section: "types" | "functions"): TlCombinator => {
  const c = parseCombinator({ text, line: 0, section });
  if (c === undefined) throw new Error(`not a combinator: ${text}`);
  return c;
};

function build(layer: number, defs: readonly TlCombinator[], changed: ReadonlySet<string>): LayerModel {
  const byName = new Map<string, TlCombinator>();
  const byType = new Map<string, TlCombinator[]>();
  for (const c of defs) {
    byName.set(c.name, c);
    if (c.kind !== "constructor" || c.result.kind !== "boxed") continue;
    const list = byType.get(c.result.name);
    if (list === undefined) byType.set(c.result.name, [c]);
    else list.push(c);
  }
  return { layer, byName, byType, changed };
}

let base: LayerModel | undefined;
let delta: readonly { readonly mask: number; readonly def: TlCombinator }[] | undefined;
const older = new Map<number, LayerModel>();

/** The base layer's definitions (the layer the generated code speaks). */
export function baseModel(): LayerModel {
  base ??= build(
    BASE_LAYER,
    [
      ...BASE_CONSTRUCTORS.split(";\n").map((t) => parse(t, "types")),
      ...BASE_METHODS.split(";\n").map((t) => parse(t, "functions")),
    ],
    new Set(),
  );
  return base;
}

/** Every definition of an older layer whose id the base lacks, with the mask of layers having it. */
export function deltaDefinitions(): readonly { readonly mask: number; readonly def: TlCombinator }[] {
  delta ??= [
    ...DELTA_CONSTRUCTORS.map(([mask, text]) => ({ mask, def: parse(text, "types") })),
    ...DELTA_METHODS.map(([mask, text]) => ({ mask, def: parse(text, "functions") })),
  ];
  return delta;
}

/** Layers the converters know: the older ones ascending, then the base. */
export const KNOWN_LAYERS: readonly number[] = [...OLDER_LAYERS, BASE_LAYER];
export { BASE_LAYER };

/** The model of a known layer (see KNOWN_LAYERS); built once, from the base and the delta. */
export function layerModel(layer: number): LayerModel {
  if (layer === BASE_LAYER) return baseModel();
  const cached = older.get(layer);
  if (cached !== undefined) return cached;
  const index = OLDER_LAYERS.indexOf(layer);
  if (index < 0) throw new RangeError(`layer ${layer} is not one of ${KNOWN_LAYERS.join(", ")}`);
  const bit = 2 ** index;
  const has = (mask: number): boolean => Math.floor(mask / bit) % 2 === 1;
  const changed = new Set(ABSENT.filter(([, mask]) => has(mask)).map(([name]) => name));
  const defs = [...baseModel().byName.values()].filter((c) => !changed.has(c.name));
  // A name may appear in the base and, changed, in the delta: the delta's definition is this layer's.
  for (const { mask, def } of deltaDefinitions()) if (has(mask)) defs.push(def);
  const model = build(layer, defs, changed);
  older.set(layer, model);
  return model;
}
