import { checkAuthKey, checkDcId, checkTempKeySlot, StorageError } from "../storage-error.js";
import type {
  ClientStorage,
  DcAddress,
  PeerKind,
  PeerRecord,
  SelfInfo,
  ServerSalt,
  TempAuthKey,
  TempKeySlot,
  UpdateState,
} from "../types.js";

const peerKey = (kind: PeerKind, id: bigint): string => `${kind}:${id}`;
const tempKey = (dcId: number, slot: TempKeySlot): string => `${dcId}:${slot}`;

/**
 * Everything in maps; gone when the process exits. The default for tests and short-lived scripts.
 * Values are copied in and out so callers cannot change stored bytes by mutating their arrays.
 */
export class MemoryStorage implements ClientStorage {
  #closed = false;
  readonly #permanent = new Map<number, Uint8Array>();
  readonly #temp = new Map<string, TempAuthKey>();
  readonly #salts = new Map<number, readonly ServerSalt[]>();
  #homeDc: DcAddress | null = null;
  #self: SelfInfo | null = null;
  readonly #peers = new Map<string, PeerRecord>();
  readonly #byUsername = new Map<string, string>();
  readonly #byPhone = new Map<string, string>();
  #updateState: UpdateState | null = null;
  readonly #channelPts = new Map<bigint, number>();
  readonly #kv = new Map<string, Uint8Array>();

  #open(): void {
    if (this.#closed) throw new StorageError("CLOSED", "the storage is closed");
  }

  readonly authKeys = {
    getPermanent: (dcId: number): Promise<Uint8Array | null> => this.#run(() => copy(this.#permanent.get(dcId))),
    setPermanent: (dcId: number, key: Uint8Array | null): Promise<void> =>
      this.#run(() => {
        checkDcId(dcId);
        if (key === null) this.#permanent.delete(dcId);
        else {
          checkAuthKey(key);
          this.#permanent.set(dcId, key.slice());
        }
      }),
    getTemp: (dcId: number, nowSeconds: number, slot: TempKeySlot = "main"): Promise<TempAuthKey | null> =>
      this.#run(() => {
        const temp = this.#temp.get(tempKey(dcId, slot));
        return temp === undefined || temp.expiresAt <= nowSeconds
          ? null
          : { key: temp.key.slice(), expiresAt: temp.expiresAt };
      }),
    setTemp: (dcId: number, temp: TempAuthKey | null, slot: TempKeySlot = "main"): Promise<void> =>
      this.#run(() => {
        checkDcId(dcId);
        checkTempKeySlot(slot);
        if (temp === null) this.#temp.delete(tempKey(dcId, slot));
        else {
          checkAuthKey(temp.key);
          this.#temp.set(tempKey(dcId, slot), { key: temp.key.slice(), expiresAt: temp.expiresAt });
        }
      }),
    clear: (): Promise<void> =>
      this.#run(() => {
        this.#permanent.clear();
        this.#temp.clear();
      }),
  };

  readonly salts = {
    get: (dcId: number): Promise<readonly ServerSalt[]> => this.#run(() => this.#salts.get(dcId) ?? []),
    set: (dcId: number, salts: readonly ServerSalt[]): Promise<void> =>
      this.#run(() => {
        checkDcId(dcId);
        this.#salts.set(
          dcId,
          salts.map((s) => ({ ...s, salt: BigInt.asIntN(64, s.salt) })),
        );
      }),
  };

  readonly session = {
    getHomeDc: (): Promise<DcAddress | null> => this.#run(() => this.#homeDc),
    setHomeDc: (dc: DcAddress | null): Promise<void> =>
      this.#run(() => {
        if (dc !== null) checkDcId(dc.id);
        this.#homeDc = dc === null ? null : { ...dc };
      }),
    getSelf: (): Promise<SelfInfo | null> => this.#run(() => this.#self),
    setSelf: (self: SelfInfo | null): Promise<void> =>
      this.#run(() => {
        this.#self = self === null ? null : { ...self };
      }),
  };

  readonly peers = {
    get: (kind: PeerKind, id: bigint): Promise<PeerRecord | null> =>
      this.#run(() => this.#peers.get(peerKey(kind, id)) ?? null),
    getMany: (keys: readonly { readonly kind: PeerKind; readonly id: bigint }[]): Promise<(PeerRecord | null)[]> =>
      this.#run(() => keys.map((k) => this.#peers.get(peerKey(k.kind, k.id)) ?? null)),
    getByUsername: (username: string): Promise<PeerRecord | null> =>
      this.#run(() => this.#lookup(this.#byUsername.get(username.toLowerCase()))),
    getByPhone: (phone: string): Promise<PeerRecord | null> => this.#run(() => this.#lookup(this.#byPhone.get(phone))),
    upsert: (records: readonly PeerRecord[]): Promise<void> =>
      this.#run(() => {
        for (const record of records) this.#upsertPeer(record);
      }),
    count: (): Promise<number> => this.#run(() => this.#peers.size),
  };

  readonly updates = {
    get: (): Promise<UpdateState | null> => this.#run(() => this.#updateState),
    set: (state: UpdateState | null): Promise<void> =>
      this.#run(() => {
        this.#updateState = state === null ? null : { ...state };
      }),
    getChannelPts: (channelId: bigint): Promise<number | null> =>
      this.#run(() => this.#channelPts.get(channelId) ?? null),
    setChannelPts: (channelId: bigint, pts: number | null): Promise<void> =>
      this.#run(() => {
        if (pts === null) this.#channelPts.delete(channelId);
        else this.#channelPts.set(channelId, pts);
      }),
    listChannelPts: (): Promise<readonly (readonly [bigint, number])[]> => this.#run(() => [...this.#channelPts]),
  };

  readonly kv = {
    get: (key: string): Promise<Uint8Array | null> => this.#run(() => copy(this.#kv.get(key))),
    set: (key: string, value: Uint8Array | null): Promise<void> =>
      this.#run(() => {
        if (value === null) this.#kv.delete(key);
        else this.#kv.set(key, value.slice());
      }),
  };

  close(): Promise<void> {
    this.#closed = true;
    return Promise.resolve();
  }

  #run<T>(body: () => T): Promise<T> {
    try {
      this.#open();
      return Promise.resolve(body());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  #lookup(key: string | undefined): PeerRecord | null {
    return key === undefined ? null : (this.#peers.get(key) ?? null);
  }

  #upsertPeer(record: PeerRecord): void {
    const key = peerKey(record.kind, record.id);
    const previous = this.#peers.get(key);
    if (previous !== undefined) {
      for (const name of previous.usernames) if (this.#byUsername.get(name) === key) this.#byUsername.delete(name);
      if (previous.phone !== null && this.#byPhone.get(previous.phone) === key) this.#byPhone.delete(previous.phone);
    }
    const stored: PeerRecord = { ...record, usernames: [...record.usernames] };
    this.#peers.set(key, stored);
    for (const name of stored.usernames) this.#byUsername.set(name, key);
    if (stored.phone !== null) this.#byPhone.set(stored.phone, key);
  }
}

function copy(bytes: Uint8Array | undefined): Uint8Array | null {
  return bytes === undefined ? null : bytes.slice();
}
