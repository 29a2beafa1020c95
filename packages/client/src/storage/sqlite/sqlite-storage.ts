import type Database from "better-sqlite3";
import { StorageError } from "../storage-error.js";
import type {
  AuthKeysRepository,
  ClientStorage,
  KeyValueRepository,
  PeersRepository,
  SaltsRepository,
  SessionInfoRepository,
  UpdateStateRepository,
} from "../types.js";
import { openSessionDatabase } from "./open-database.js";
import { sqliteAuthKeys } from "./sqlite-auth-keys.js";
import { sqlitePeers } from "./sqlite-peers.js";
import { sqliteKeyValue, sqliteSalts, sqliteSessionInfo, sqliteUpdateState } from "./sqlite-small-repositories.js";

/** Makes every method of a repository reject with `StorageError("CLOSED")` once the file is closed. */
function guarded<T extends object>(repository: T, db: Database.Database): T {
  return new Proxy(repository, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]): unknown => {
        if (!db.open) return Promise.reject(new StorageError("CLOSED", "the storage is closed"));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/**
 * The Node default: one SQLite file per session (better-sqlite3, WAL, fsync on every commit,
 * exclusive lock). Opening a file another process holds throws `SessionLockedError`.
 * Import from `@mtkit/client/sqlite` so browser bundles never see better-sqlite3.
 */
export class SqliteStorage implements ClientStorage {
  readonly path: string;
  readonly authKeys: AuthKeysRepository;
  readonly salts: SaltsRepository;
  readonly session: SessionInfoRepository;
  readonly peers: PeersRepository;
  readonly updates: UpdateStateRepository;
  readonly kv: KeyValueRepository;
  readonly #db: Database.Database;

  /** Opens (creating if needed) and locks the file. Throws `SessionLockedError` or `StorageError`. */
  constructor(path: string) {
    this.path = path;
    this.#db = openSessionDatabase(path);
    this.authKeys = guarded(sqliteAuthKeys(this.#db), this.#db);
    this.salts = guarded(sqliteSalts(this.#db), this.#db);
    this.session = guarded(sqliteSessionInfo(this.#db), this.#db);
    this.peers = guarded(sqlitePeers(this.#db), this.#db);
    this.updates = guarded(sqliteUpdateState(this.#db), this.#db);
    this.kv = guarded(sqliteKeyValue(this.#db), this.#db);
  }

  /** The schema version of the open file (`PRAGMA user_version`). */
  get schemaVersion(): number {
    return Number(this.#db.pragma("user_version", { simple: true }));
  }

  /** Checkpoints the WAL into the main file and releases the lock. Idempotent. */
  close(): Promise<void> {
    if (this.#db.open) this.#db.close();
    return Promise.resolve();
  }
}
