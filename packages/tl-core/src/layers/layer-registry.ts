import { entryTypeId } from "../codegen/type-ids.js";
import { apiRegistry } from "../generated/api/index.js";
import type { TlCombinator } from "../parser/ast.js";
import type { TlReaderEntry, TlRegistry, TlWriterEntry } from "../runtime/types.js";
import { BASE_LAYER, baseModel, deltaDefinitions, KNOWN_LAYERS, layerModel } from "./layer-model.js";
import { readDefinition } from "./read-definition.js";
import { reshape } from "./reshape.js";
import { substituteFor } from "./substitute.js";
import { writeDefinition } from "./write-definition.js";

/** Which known layer answers a client that announced `requested`: itself, or the nearest lower one. */
export interface ResolvedLayer {
  readonly requested: number;
  readonly layer: number;
  /** False when the server falls back (a layer it has no schema of). */
  readonly exact: boolean;
}

/** The nearest known layer at or below `requested` (the oldest known one below all of them). */
export function resolveLayer(requested: number): ResolvedLayer {
  let layer = KNOWN_LAYERS[0]!;
  for (const known of KNOWN_LAYERS) if (known <= requested) layer = known;
  return { requested, layer, exact: layer === requested };
}

const writerRegistries = new Map<number, TlRegistry>();
let anyLayer: TlRegistry | undefined;

/**
 * A registry that writes base-layer objects (the generated API types) in `layer` (a known layer, see
 * resolveLayer). Constructors whose id the layer has keep the generated writer; the others write the
 * layer's same-named constructor, or its stand-in (substituteFor), from the object reshaped to it.
 * Nested objects are looked up in the same registry, so they are converted wherever they sit.
 */
export function registryForLayer(layer: number): TlRegistry {
  if (layer === BASE_LAYER) return apiRegistry;
  const cached = writerRegistries.get(layer);
  if (cached !== undefined) return cached;
  const model = layerModel(layer);
  const base = baseModel();
  const writers = new Map<string, TlWriterEntry>(apiRegistry.writers);
  for (const name of model.changed) {
    const from = base.byName.get(name);
    if (from?.kind !== "constructor") continue;
    const to = model.byName.get(name) ?? substituteFor(model, from);
    if (to === undefined) writers.delete(name);
    else
      writers.set(name, {
        id: to.id,
        write: (w, value) => {
          writeDefinition(w, to, reshape(value, from, to, model));
        },
      });
  }
  // Constructors only this layer has (neutral values may name them): written as they are.
  for (const def of model.byName.values())
    if (def.kind === "constructor" && !base.byName.has(def.name))
      writers.set(def.name, {
        id: def.id,
        write: (w, value) => {
          writeDefinition(w, def, value);
        },
      });
  const registry: TlRegistry = { readers: apiRegistry.readers, writers, results: apiRegistry.results };
  writerRegistries.set(layer, registry);
  return registry;
}

function upConverting(def: TlCombinator): TlReaderEntry {
  const target = baseModel().byName.get(def.name);
  const base = baseModel();
  const read: TlReaderEntry["read"] =
    target?.kind === def.kind
      ? (r) => reshape(readDefinition(r, def), def, target, base)
      : (r) => readDefinition(r, def);
  return { read, type: entryTypeId(def) };
}

/**
 * A registry that reads constructors and methods of every known layer into base-layer objects
 * (ids are CRCs of whole definitions, so the id alone says which definition it is; no layer need be
 * known first): generated readers for the base's ids, interpreted ones reshaping to the base for
 * the rest. Writers are the base's. For a server's session, which must read any client's requests.
 */
export function anyLayerRegistry(): TlRegistry {
  if (anyLayer !== undefined) return anyLayer;
  const readers = new Map<number, TlReaderEntry>(apiRegistry.readers);
  for (const { def } of deltaDefinitions()) readers.set(def.id, upConverting(def));
  anyLayer = { readers, writers: apiRegistry.writers, results: apiRegistry.results };
  return anyLayer;
}
