import type { TlCombinator } from "../parser/ast.js";
import type { LayerModel } from "./layer-model.js";

/** Placeholders an older client already shows for "something newer than me", best first. */
const PLACEHOLDER_SUFFIXES = ["Unsupported", "Unknown", "Empty"] as const;

/**
 * The constructor of layer `model` that stands in for `c`, a base constructor the layer has no
 * same-named counterpart of: the type's placeholder (…Unsupported, …Unknown, else …Empty), as
 * Telegram answers old clients for newer media, entities or service actions. Undefined when the type
 * has none: another constructor of the type would tell the client something false (a new Update as
 * `updateChatParticipantDelete`), so the caller leaves the object out or fails with a typed error.
 */
export function substituteFor(model: LayerModel, c: TlCombinator): TlCombinator | undefined {
  if (c.result.kind !== "boxed") return undefined;
  const candidates = model.byType.get(c.result.name) ?? [];
  for (const suffix of PLACEHOLDER_SUFFIXES) {
    const placeholder = candidates.find((candidate) => candidate.name.endsWith(suffix));
    if (placeholder !== undefined) return placeholder;
  }
  return undefined;
}
