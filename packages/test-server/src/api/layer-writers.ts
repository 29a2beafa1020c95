import { TlWriter } from "@mtkit/tl-core";
import { apiRegistry } from "@mtkit/tl-core/api";
import { adaptResult, BASE_LAYER, registryForLayer, resolveLayer } from "@mtkit/tl-core/layers";
import { pruneUpdates } from "./prune-updates.js";

// One writer per answer layer (encoding is synchronous, so each is reused): a fresh 1 KiB buffer per
// answer was a visible share of the server's time under load.
const baseWriter = new TlWriter(apiRegistry);
const olderWriters = new Map<number, TlWriter>();

/**
 * The writer for answers to a client that announced `layer` (invokeWithLayer;
 * https://core.telegram.org/api/invoking#layers): the generated layer's own writer for it, for newer
 * layers and for clients that announced none; otherwise one converting to the nearest layer the
 * server has at or below it (tl-core/layers).
 */
export function writerForLayer(layer: number | undefined): TlWriter {
  if (layer === undefined || layer >= BASE_LAYER) return baseWriter;
  const answered = resolveLayer(layer).layer;
  let writer = olderWriters.get(answered);
  if (writer === undefined) {
    writer = new TlWriter(registryForLayer(answered));
    olderWriters.set(answered, writer);
  }
  return writer;
}

/**
 * `result` encoded for a client that announced `layer` (see writerForLayer): the answer to `method`
 * in the type that layer declares (adaptResult), without the updates it has no constructor for
 * (pruneUpdates).
 */
export function encodeForLayer(result: unknown, layer: number | undefined, method?: string): Uint8Array {
  const writer = writerForLayer(layer);
  writer.reset();
  if (writer === baseWriter || layer === undefined) writer.untyped(result);
  else {
    const adapted = method === undefined ? result : adaptResult(resolveLayer(layer).layer, method, result);
    writer.untyped(pruneUpdates(adapted, writer.registry));
  }
  return writer.finish();
}

/** Says once per announced layer the server has no schema of which layer it answers in instead. */
export class LayerNotices {
  private readonly told = new Set<number>();

  constructor(private readonly log: (line: string) => void) {}

  announced(layer: number): void {
    if (this.told.has(layer)) return;
    this.told.add(layer);
    const resolved = resolveLayer(layer);
    if (resolved.exact || layer === BASE_LAYER) return;
    const answered = layer > BASE_LAYER ? BASE_LAYER : resolved.layer;
    this.log(`layer ${layer} is not one this server has: answering it in layer ${answered}`);
  }
}
