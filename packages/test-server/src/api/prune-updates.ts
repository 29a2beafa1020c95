import type { TlRegistry } from "@mtkit/tl-core";

interface WithUpdates {
  readonly _: string;
  readonly updates: readonly { readonly _: string }[];
}

/**
 * `value` without the updates an older layer has no constructor for (Telegram never sends a client
 * an update newer than its layer; no other update may stand in, it would say something false):
 * filtered out of updates/updatesCombined, and an updateShort of one becomes an empty `updates`.
 * Anything else is returned as it is.
 */
export function pruneUpdates(value: unknown, registry: TlRegistry): unknown {
  if (typeof value !== "object" || value === null) return value;
  const tagged = value as { readonly _?: unknown };
  if (tagged._ === "updates" || tagged._ === "updatesCombined") {
    const container = value as WithUpdates;
    const kept = container.updates.filter((update) => registry.writers.has(update._));
    return kept.length === container.updates.length ? value : { ...container, updates: kept };
  }
  if (tagged._ === "updateShort") {
    const short = value as { readonly update: { readonly _: string }; readonly date: number };
    if (registry.writers.has(short.update._)) return value;
    return { _: "updates", updates: [], users: [], chats: [], date: short.date, seq: 0 };
  }
  return value;
}
