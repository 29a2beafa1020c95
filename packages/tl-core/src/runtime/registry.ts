import type { TlEntry, TlReaderEntry, TlRegistry, TlResultEntry, TlWriterEntry } from "./types.js";

/**
 * A registry of just the given constructors and methods, e.g.
 * `registryOf([c_inputPeerUser, c_peerUser])` with the entries of `@mtkit/tl-core/api/entries`:
 * a bundle then holds only their readers and writers. Objects of any other constructor are
 * rejected as unknown, like ids no schema has.
 */
export function registryOf(entries: readonly TlEntry[]): TlRegistry {
  const readers = new Map<number, TlReaderEntry>();
  const writers = new Map<string, TlWriterEntry>();
  const results = new Map<string, TlResultEntry>();
  for (const entry of entries) {
    readers.set(entry.id, { read: entry.read, type: entry.type });
    if (entry.write !== undefined) writers.set(entry.name, { id: entry.id, write: entry.write });
    if (entry.result !== undefined) results.set(entry.name, entry.result);
  }
  return { readers, writers, results };
}

/**
 * One registry that reads and writes everything the given ones do, e.g. MTProto + API so a single
 * reader decodes an `rpc_result` whose result is an API object. Later registries win on conflicts.
 * The first registry's maps are copied by the Map constructor (a builtin, fast even before the JIT
 * has seen this code): in a fresh process that halves the cost of combining the ~2,500 API entries,
 * which the session pays before its first handshake (issue 15).
 */
export function combineRegistries(...registries: readonly TlRegistry[]): TlRegistry {
  const [first, ...rest] = registries;
  const readers = new Map<number, TlReaderEntry>(first?.readers);
  const writers = new Map<string, TlWriterEntry>(first?.writers);
  const results = new Map<string, TlResultEntry>(first?.results);
  for (const registry of rest) {
    registry.readers.forEach((entry, id) => readers.set(id, entry));
    registry.writers.forEach((entry, name) => writers.set(name, entry));
    registry.results.forEach((entry, name) => results.set(name, entry));
  }
  return { readers, writers, results };
}

/** Name of the method whose result `request` returns, looking through `invokeWithLayer`-style wrappers. */
export function resultMethodOf(registry: TlRegistry, request: { readonly _: string }): string {
  let current: unknown = request;
  for (let depth = 0; depth < 64; depth++) {
    const name = (current as { _: string })._;
    const entry = registry.results.get(name);
    if (entry === undefined || typeof entry === "function") return name;
    current = (current as Record<string, unknown>)[entry.genericField];
    if (typeof current !== "object" || current === null) return name;
  }
  return request._;
}
