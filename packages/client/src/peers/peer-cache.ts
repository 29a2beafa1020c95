import { RpcError } from "../errors/rpc-error.js";
import type { PeerKind, PeerRecord, PeersRepository } from "../storage/types.js";
import { collectPeerObjects } from "./collect-peer-objects.js";
import { inputPeerFromMessage, inputPeerFromRecord, toInputChannel, toInputUser } from "./input-peer.js";
import { mergePeerRecord, peerRecordChanged } from "./merge-peer-record.js";
import { describePeerQuery, parsePeerRef, type PeerQuery, type PeerRef } from "./parse-peer-ref.js";
import { PeerNotFoundError, type PeerLookupAttempt } from "./peer-not-found-error.js";
import { peerKindOf, peerRecordFromTl } from "./peer-record-from-tl.js";
import type { PeerServerLookup } from "./peer-server-lookup.js";
import type { TlInputChannel, TlInputPeer, TlInputUser } from "./tl-peer-types.js";

export interface PeerCacheOptions {
  /** Unix seconds; injected so tests control `updatedAt`. */
  readonly now: () => number;
  readonly server?: PeerServerLookup;
}

/** How many peers `isKnownStored` remembers before it starts over. */
const STORED_KEYS_LIMIT = 50_000;

type CacheQuery = Extract<PeerQuery, { by: "id" | "username" | "phone" }>;

/**
 * Remembers every user, chat and channel seen in any response, with its access hash
 * (https://core.telegram.org/api/peers), and turns whatever the caller passed into an input peer:
 * from the cache first, then from the server, else a `PeerNotFoundError` that lists what was tried.
 */
export class PeerCache {
  readonly #repository: PeersRepository;
  readonly #options: PeerCacheOptions;
  // Ingests run one at a time: each is read-merge-write, and two responses naming the same peer
  // (say a full user and a min copy) must not both read "unknown" and let the min one win.
  #ingestQueue: Promise<unknown> = Promise.resolve();
  // Ids of peers known to have a stored record (records are never deleted): lets the updates hot
  // path (fetch-missing-peers.ts) skip a storage read per message. Bounded: emptied when full.
  readonly #stored: Record<PeerKind, Set<bigint>> = { user: new Set(), chat: new Set(), channel: new Set() };

  constructor(repository: PeersRepository, options: PeerCacheOptions) {
    this.#repository = repository;
    this.#options = options;
  }

  /** Stores every peer found in `response`; returns how many records changed. */
  ingest(response: unknown): Promise<number> {
    return this.ingestIfAny(response) ?? Promise.resolve(0);
  }

  /**
   * Like `ingest`, but returns undefined (synchronously, no promise) when the response carries no
   * user, chat or channel: most answers, and the client's hot path skips an await for them.
   */
  ingestIfAny(response: unknown): Promise<number> | undefined {
    // Scalars, byte strings and bare constructors (nearestDc, boolTrue) hold no peers: skip the walk.
    if (typeof response !== "object" || response === null) return undefined;
    const found = collectPeerObjects(response);
    // Settled at once instead of queued behind other ingests, so answers that arrived together
    // resolve together (and the next requests share one container).
    if (found.peers.length === 0) return undefined;
    const run = this.#ingestQueue.then(() => this.#ingestNow(found));
    this.#ingestQueue = run.catch(() => undefined);
    return run;
  }

  async #ingestNow({ peers, sightings }: ReturnType<typeof collectPeerObjects>): Promise<number> {
    const now = this.#options.now();
    const parsed = peers.map((object) => peerRecordFromTl(object, now));
    // One read for the whole response, not one per peer.
    const stored = await this.#repository.getMany(parsed);
    const merged = new Map<string, { previous: PeerRecord | null; next: PeerRecord }>();
    parsed.forEach((record, index) => {
      const key = `${record.kind}:${record.id}`;
      const incoming = record.isMin ? { ...record, seenIn: sightings.get(key) ?? null } : record;
      const seen = merged.get(key);
      const previous = seen === undefined ? (stored[index] ?? null) : seen.previous;
      merged.set(key, { previous, next: mergePeerRecord(seen?.next ?? previous, incoming) });
    });
    const changed = [...merged.values()].filter((m) => peerRecordChanged(m.previous, m.next)).map((m) => m.next);
    if (changed.length > 0) await this.#repository.upsert(changed);
    for (const { next } of merged.values()) this.#remember(next.kind, next.id);
    return changed.length;
  }

  /**
   * True when a record for this peer is known to be stored, answered without a storage read; false means
   * "not known here", and `get` gives the answer (and remembers a hit for next time).
   */
  isKnownStored(kind: PeerKind, id: bigint): boolean {
    return this.#stored[kind].has(id);
  }

  #remember(kind: PeerKind, id: bigint): void {
    const known = this.#stored[kind];
    if (known.size >= STORED_KEYS_LIMIT) known.clear();
    known.add(id);
  }

  /** The stored record for a peer, or null. Never asks the server. */
  async get(ref: PeerRef): Promise<PeerRecord | null> {
    const query = parsePeerRef(ref);
    if (query.by === "id") {
      const record = await this.#fromCache(query);
      if (record !== null) this.#remember(query.kind, query.id);
      return record;
    }
    if (query.by === "username" || query.by === "phone") return this.#fromCache(query);
    if (query.by === "object")
      return this.#repository.get(peerKindOf(query.object), BigInt.asIntN(64, query.object.id));
    return null;
  }

  async resolvePeer(ref: PeerRef, signal?: AbortSignal): Promise<TlInputPeer> {
    const query = parsePeerRef(ref);
    switch (query.by) {
      case "self":
        return { _: "inputPeerSelf" };
      case "input":
        return query.input;
      case "object": {
        await this.ingest(query.object);
        return this.#resolveQuery(
          { by: "id", kind: peerKindOf(query.object), id: BigInt.asIntN(64, query.object.id) },
          signal,
        );
      }
      default:
        return this.#resolveQuery(query, signal);
    }
  }

  async resolveUser(ref: PeerRef, signal?: AbortSignal): Promise<TlInputUser> {
    return toInputUser(await this.resolvePeer(ref, signal));
  }

  async resolveChannel(ref: PeerRef, signal?: AbortSignal): Promise<TlInputChannel> {
    return toInputChannel(await this.resolvePeer(ref, signal));
  }

  async #resolveQuery(query: CacheQuery, signal: AbortSignal | undefined): Promise<TlInputPeer> {
    // Basic groups need no access hash, so their id alone is enough.
    if (query.by === "id" && query.kind === "chat") return { _: "inputPeerChat", chatId: query.id };
    const attempts: PeerLookupAttempt[] = [];
    const fromCache = await this.#tryCache(query, attempts, "cache");
    if (fromCache !== null) return fromCache;
    const call = this.#serverCall(query, signal);
    if (call === null) {
      attempts.push({
        source: "server",
        lookup: query.by,
        detail: "no server lookup for this kind of query",
        outcome: "skipped",
      });
      throw new PeerNotFoundError(describePeerQuery(query), attempts);
    }
    try {
      await this.ingest(await call.run());
    } catch (error) {
      const detail =
        error instanceof RpcError
          ? `${call.method}: ${error.rawMessage} (${error.code})`
          : `${call.method}: ${String(error)}`;
      attempts.push({ source: "server", lookup: query.by, detail, outcome: "error" });
      if (error instanceof RpcError) throw new PeerNotFoundError(describePeerQuery(query), attempts, { cause: error });
      throw error;
    }
    const fromServer = await this.#tryCache(query, attempts, "server");
    if (fromServer !== null) return fromServer;
    throw new PeerNotFoundError(describePeerQuery(query), attempts);
  }

  async #tryCache(
    query: CacheQuery,
    attempts: PeerLookupAttempt[],
    source: "cache" | "server",
  ): Promise<TlInputPeer | null> {
    const record = await this.#fromCache(query);
    const input = record === null ? null : (inputPeerFromRecord(record) ?? (await this.#fromMinContext(record)));
    if (input !== null) return input;
    const detail =
      source === "cache"
        ? `cache by ${describePeerQuery(query)}`
        : `${describePeerQuery(query)} after the server answered`;
    attempts.push({ source, lookup: query.by, detail, outcome: record === null ? "missing" : "min_only" });
    return null;
  }

  /** A min peer is usable through the message it was seen in, if we can address that chat. */
  async #fromMinContext(record: PeerRecord): Promise<TlInputPeer | null> {
    const seen = record.seenIn;
    if (seen === null) return null;
    const chat = await this.#repository.get(seen.chatKind, seen.chatId);
    const chatInput =
      seen.chatKind === "chat"
        ? { _: "inputPeerChat" as const, chatId: seen.chatId }
        : chat === null
          ? null
          : inputPeerFromRecord(chat);
    return chatInput === null ? null : inputPeerFromMessage(record, chatInput, seen.msgId);
  }

  #fromCache(query: CacheQuery): Promise<PeerRecord | null> {
    if (query.by === "username") return this.#repository.getByUsername(query.username);
    if (query.by === "phone") return this.#repository.getByPhone(query.phone);
    return this.#repository.get(query.kind, query.id);
  }

  #serverCall(
    query: CacheQuery,
    signal: AbortSignal | undefined,
  ): { method: string; run: () => Promise<unknown> } | null {
    const server = this.#options.server;
    if (server === undefined) return null;
    const byKind: Record<PeerKind, ((id: bigint, s?: AbortSignal) => Promise<unknown>) | undefined> = {
      user: server.getUserById?.bind(server),
      channel: server.getChannelById?.bind(server),
      chat: undefined,
    };
    if (query.by === "username" && server.resolveUsername !== undefined) {
      const resolve = server.resolveUsername.bind(server);
      return { method: "contacts.resolveUsername", run: () => resolve(query.username, signal) };
    }
    if (query.by === "phone" && server.resolvePhone !== undefined) {
      const resolve = server.resolvePhone.bind(server);
      return { method: "contacts.resolvePhone", run: () => resolve(query.phone, signal) };
    }
    if (query.by === "id") {
      const byId = byKind[query.kind];
      const method = query.kind === "user" ? "users.getUsers" : "channels.getChannels";
      if (byId !== undefined) return { method, run: () => byId(query.id, signal) };
    }
    return null;
  }
}
