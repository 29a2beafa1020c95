import { checkAuthKey, checkDcId, checkTempKeySlot, StorageError } from "../storage-error.js";
import type {
  AuthKeysRepository,
  ClientStorage,
  DcAddress,
  KeyValueRepository,
  PeerRecord,
  PeersRepository,
  SaltsRepository,
  SelfInfo,
  ServerSalt,
  SessionInfoRepository,
  TempAuthKey,
  UpdateState,
  UpdateStateRepository,
} from "../types.js";
import { inTransaction, promisifyRequest } from "./idb-helpers.js";
import { lockSession, openSessionIdb, STORES, tempKeyId } from "./open-idb.js";

/**
 * The browser storage: one IndexedDB database per session name, locked with the Web Locks API
 * for as long as it is open. Create with `await IdbStorage.open("main")`.
 */
export class IdbStorage implements ClientStorage {
  readonly name: string;
  readonly authKeys: AuthKeysRepository;
  readonly salts: SaltsRepository;
  readonly session: SessionInfoRepository;
  readonly peers: PeersRepository;
  readonly updates: UpdateStateRepository;
  readonly kv: KeyValueRepository;
  readonly #db: IDBDatabase;
  readonly #release: () => void;
  #closed = false;

  private constructor(name: string, db: IDBDatabase, release: () => void) {
    this.name = name;
    this.#db = db;
    this.#release = release;
    const get = <T>(store: string, key: IDBValidKey): Promise<T | null> =>
      this.#tx(
        store,
        "readonly",
        async (tx) => ((await promisifyRequest(tx.objectStore(store).get(key))) as T | undefined) ?? null,
      );
    const put = (
      store: string,
      key: IDBValidKey,
      value: unknown,
      durability: IDBTransactionDurability = "default",
    ): Promise<void> =>
      this.#tx(
        store,
        "readwrite",
        (tx) => {
          if (value === null) tx.objectStore(store).delete(key);
          else tx.objectStore(store).put(value, key);
        },
        durability,
      );

    this.authKeys = {
      getPermanent: (dcId) => get<Uint8Array>(STORES.authKeys, dcId),
      setPermanent: (dcId, key) =>
        this.#checked(() => {
          checkDcId(dcId);
          if (key !== null) checkAuthKey(key);
          return put(STORES.authKeys, dcId, key === null ? null : key.slice(), "strict");
        }),
      getTemp: async (dcId, now, slot = "main") => {
        const temp = await get<TempAuthKey>(STORES.tempAuthKeys, tempKeyId(dcId, slot));
        return temp === null || temp.expiresAt <= now ? null : temp;
      },
      setTemp: (dcId, temp, slot = "main") =>
        this.#checked(() => {
          checkDcId(dcId);
          checkTempKeySlot(slot);
          if (temp !== null) checkAuthKey(temp.key);
          const value = temp === null ? null : { key: temp.key.slice(), expiresAt: temp.expiresAt };
          return put(STORES.tempAuthKeys, tempKeyId(dcId, slot), value, "strict");
        }),
      clear: () =>
        this.#tx(
          [STORES.authKeys, STORES.tempAuthKeys],
          "readwrite",
          (tx) => {
            tx.objectStore(STORES.authKeys).clear();
            tx.objectStore(STORES.tempAuthKeys).clear();
          },
          "strict",
        ),
    };
    this.salts = {
      get: async (dcId) => (await get<readonly ServerSalt[]>(STORES.salts, dcId)) ?? [],
      set: (dcId, salts) =>
        this.#checked(() => {
          checkDcId(dcId);
          return put(
            STORES.salts,
            dcId,
            salts.map((s) => ({ ...s, salt: BigInt.asIntN(64, s.salt) })),
          );
        }),
    };
    this.session = {
      getHomeDc: () => get<DcAddress>(STORES.session, "home_dc"),
      setHomeDc: (dc) =>
        this.#checked(() => {
          if (dc !== null) checkDcId(dc.id);
          return put(STORES.session, "home_dc", dc === null ? null : { ...dc });
        }),
      getSelf: () => get<SelfInfo>(STORES.session, "self"),
      setSelf: (self) => put(STORES.session, "self", self === null ? null : { ...self }),
    };
    this.peers = {
      get: (kind, id) => get<PeerRecord>(STORES.peers, `${kind}:${id}`),
      getMany: (keys) =>
        this.#tx(STORES.peers, "readonly", (tx) => {
          const store = tx.objectStore(STORES.peers);
          return Promise.all(
            keys.map(
              async (k) => ((await promisifyRequest(store.get(`${k.kind}:${k.id}`))) as PeerRecord | undefined) ?? null,
            ),
          );
        }),
      getByUsername: (username) =>
        this.#tx(
          STORES.peers,
          "readonly",
          async (tx) =>
            ((await promisifyRequest(tx.objectStore(STORES.peers).index("by_username").get(username.toLowerCase()))) as
              PeerRecord | undefined) ?? null,
        ),
      getByPhone: (phone) =>
        this.#tx(
          STORES.peers,
          "readonly",
          async (tx) =>
            ((await promisifyRequest(tx.objectStore(STORES.peers).index("by_phone").get(phone))) as
              PeerRecord | undefined) ?? null,
        ),
      upsert: (records) =>
        this.#tx(STORES.peers, "readwrite", (tx) => {
          const store = tx.objectStore(STORES.peers);
          for (const r of records) store.put({ ...r, usernames: [...r.usernames] }, `${r.kind}:${r.id}`);
        }),
      count: () => this.#tx(STORES.peers, "readonly", (tx) => promisifyRequest(tx.objectStore(STORES.peers).count())),
    };
    this.updates = {
      get: () => get<UpdateState>(STORES.updates, "state"),
      set: (state) => put(STORES.updates, "state", state === null ? null : { ...state }),
      getChannelPts: (channelId) => get<number>(STORES.channelPts, channelId.toString()),
      setChannelPts: (channelId, pts) => put(STORES.channelPts, channelId.toString(), pts),
      listChannelPts: () =>
        this.#tx(STORES.channelPts, "readonly", async (tx) => {
          const store = tx.objectStore(STORES.channelPts);
          // Both lists come back in key order, so they line up.
          const [keys, values] = await Promise.all([
            promisifyRequest(store.getAllKeys()),
            promisifyRequest(store.getAll()),
          ]);
          return keys.map((key, index) => [BigInt(key as string), values[index] as number] as const);
        }),
    };
    this.kv = {
      get: (key) => get<Uint8Array>(STORES.kv, key),
      set: (key, value) => put(STORES.kv, key, value === null ? null : value.slice()),
    };
  }

  /** Takes the session's Web Lock (or throws `SessionLockedError`), then opens the database. */
  static async open(name: string): Promise<IdbStorage> {
    const release = await lockSession(name);
    try {
      return new IdbStorage(name, await openSessionIdb(name), release);
    } catch (error) {
      release();
      throw error;
    }
  }

  close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      this.#db.close();
      this.#release();
    }
    return Promise.resolve();
  }

  #tx<T>(
    stores: string | string[],
    mode: IDBTransactionMode,
    body: (tx: IDBTransaction) => Promise<T> | T,
    durability?: IDBTransactionDurability,
  ): Promise<T> {
    if (this.#closed) return Promise.reject(new StorageError("CLOSED", "the storage is closed"));
    return inTransaction(this.#db, stores, mode, body, durability);
  }

  #checked(body: () => Promise<void>): Promise<void> {
    try {
      return body();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
