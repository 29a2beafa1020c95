/**
 * The storage interface of the client, split into small repositories so that an implementation
 * can be written (and tested with `@mtkit/client/storage-conformance`) one table at a time.
 * Every method is async because IndexedDB is; SQLite and memory resolve at once.
 */

/** Where a DC lives. `ipv6`/`mediaOnly`/`testMode` mirror the `dcOption` flags of help.getConfig. */
export interface DcAddress {
  readonly id: number;
  readonly ip: string;
  readonly port: number;
  readonly ipv6?: boolean;
  readonly mediaOnly?: boolean;
  readonly testMode?: boolean;
}

/** A temporary key for PFS with its expiry (https://core.telegram.org/api/pfs). */
export interface TempAuthKey {
  readonly key: Uint8Array;
  /** Unix seconds after which the server forgets the key. */
  readonly expiresAt: number;
}

/**
 * Which connection to a DC a temporary key belongs to. The client keeps a main connection and a
 * media (file) connection per DC (https://core.telegram.org/api/files); each runs on its own
 * temporary key bound to the DC's one permanent key (https://core.telegram.org/api/pfs), so each
 * has its own slot and neither overwrites the other's key.
 */
export type TempKeySlot = "main" | "media";

/**
 * Auth keys per DC. Writes must be durable when the promise resolves: a lost key means a new login,
 * a key written twice by two processes means AUTH_KEY_DUPLICATED.
 *
 * The temp-key slot is a trailing optional argument (default `"main"`) so that code written before
 * slots existed keeps compiling and keeps reading and writing the main connection's key.
 */
export interface AuthKeysRepository {
  getPermanent(dcId: number): Promise<Uint8Array | null>;
  /** `null` deletes (logout, AUTH_KEY_UNREGISTERED). */
  setPermanent(dcId: number, key: Uint8Array | null): Promise<void>;
  /** The key of one (DC, slot); null when absent or expired at `nowSeconds`. */
  getTemp(dcId: number, nowSeconds: number, slot?: TempKeySlot): Promise<TempAuthKey | null>;
  /** Writes or (with `null`) deletes the key of one (DC, slot); the other slot is untouched. */
  setTemp(dcId: number, key: TempAuthKey | null, slot?: TempKeySlot): Promise<void>;
  /** Drops every key of every DC and slot (logout). */
  clear(): Promise<void>;
}

/** A server salt and the window in which it is valid (https://core.telegram.org/mtproto/service_messages#request-for-several-future-salts). */
export interface ServerSalt {
  readonly salt: bigint;
  readonly validSince: number;
  readonly validUntil: number;
}

export interface SaltsRepository {
  get(dcId: number): Promise<readonly ServerSalt[]>;
  set(dcId: number, salts: readonly ServerSalt[]): Promise<void>;
}

/** Who we are logged in as. */
export interface SelfInfo {
  readonly userId: bigint;
  readonly isBot: boolean;
}

/** The home DC and the logged-in user. */
export interface SessionInfoRepository {
  getHomeDc(): Promise<DcAddress | null>;
  setHomeDc(dc: DcAddress | null): Promise<void>;
  getSelf(): Promise<SelfInfo | null>;
  setSelf(self: SelfInfo | null): Promise<void>;
}

export type PeerKind = "user" | "chat" | "channel";

/**
 * Where a peer known only as `min` was last seen: the chat and the message that mention it, used to
 * build `inputPeerUserFromMessage` / `inputPeerChannelFromMessage` (https://core.telegram.org/api/min).
 */
export interface MinPeerContext {
  readonly chatKind: PeerKind;
  readonly chatId: bigint;
  readonly msgId: number;
}

/** What the client must remember about a peer to address it later (https://core.telegram.org/api/peers). */
export interface PeerRecord {
  readonly kind: PeerKind;
  readonly id: bigint;
  /** Null for basic chats (they need none) and for peers only seen as `min` without a hash. */
  readonly accessHash: bigint | null;
  /** True while we only know the peer from a `min` constructor (https://core.telegram.org/api/min). */
  readonly isMin: boolean;
  /** Lower-case, without `@`. The first one is the main username. */
  readonly usernames: readonly string[];
  /** Digits only, no `+`. */
  readonly phone: string | null;
  /** For `min` peers: the last message that mentioned them; null otherwise. */
  readonly seenIn: MinPeerContext | null;
  /** Unix seconds of the last update of this record. */
  readonly updatedAt: number;
}

export interface PeersRepository {
  get(kind: PeerKind, id: bigint): Promise<PeerRecord | null>;
  /** Many at once (one round trip for a whole response); the result is aligned with `keys`. */
  getMany(keys: readonly { readonly kind: PeerKind; readonly id: bigint }[]): Promise<(PeerRecord | null)[]>;
  getByUsername(username: string): Promise<PeerRecord | null>;
  getByPhone(phone: string): Promise<PeerRecord | null>;
  /** Inserts or replaces whole records (merging is the peer cache's job), atomically. */
  upsert(records: readonly PeerRecord[]): Promise<void>;
  count(): Promise<number>;
}

/** The common update state (https://core.telegram.org/api/updates). */
export interface UpdateState {
  readonly pts: number;
  readonly qts: number;
  readonly date: number;
  readonly seq: number;
}

export interface UpdateStateRepository {
  get(): Promise<UpdateState | null>;
  set(state: UpdateState | null): Promise<void>;
  getChannelPts(channelId: bigint): Promise<number | null>;
  setChannelPts(channelId: bigint, pts: number | null): Promise<void>;
  /** Every channel with a saved pts: the updates engine loads them all when it starts (one number per channel). */
  listChannelPts(): Promise<readonly (readonly [bigint, number])[]>;
}

/** Anything else a feature needs to keep (e.g. cached dc options, secret chat state). */
export interface KeyValueRepository {
  get(key: string): Promise<Uint8Array | null>;
  set(key: string, value: Uint8Array | null): Promise<void>;
}

export interface ClientStorage {
  readonly authKeys: AuthKeysRepository;
  readonly salts: SaltsRepository;
  readonly session: SessionInfoRepository;
  readonly peers: PeersRepository;
  readonly updates: UpdateStateRepository;
  readonly kv: KeyValueRepository;
  /** Flushes and releases (the SQLite lock, the IndexedDB connection). Idempotent. */
  close(): Promise<void>;
}
