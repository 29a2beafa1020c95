import { MemoryStorage, PeerCache, type PeerServerLookup } from "../src/index.js";

/** The clock of every cache made here (seconds). */
export const NOW = 1_700_000_000;

/** A peer cache over fresh memory storage at a fixed clock, with the server lookup if given. */
export function makeCache(server?: PeerServerLookup): { cache: PeerCache; storage: MemoryStorage } {
  const storage = new MemoryStorage();
  return {
    cache: new PeerCache(storage.peers, server === undefined ? { now: () => NOW } : { now: () => NOW, server }),
    storage,
  };
}
