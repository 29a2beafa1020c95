import { SessionLockedError, StorageError } from "../storage-error.js";
import type { TempKeySlot } from "../types.js";
import { promisifyRequest } from "./idb-helpers.js";

/** Schema versions, applied by `onupgradeneeded`; only ever append. */
export const IDB_SCHEMA_VERSION = 2;

export const STORES = {
  authKeys: "auth_keys",
  tempAuthKeys: "temp_auth_keys",
  salts: "salts",
  session: "session_info",
  peers: "peers",
  updates: "update_state",
  channelPts: "channel_pts",
  kv: "kv",
} as const;

/** Version 2 keys temp keys by `[dcId, slot]` (an array key); version 1 keyed them by `dcId` alone. */
export const tempKeyId = (dcId: number, slot: TempKeySlot): [number, TempKeySlot] => [dcId, slot];

function upgrade(db: IDBDatabase, tx: IDBTransaction, from: number): void {
  if (from < 1) {
    for (const name of [
      STORES.authKeys,
      STORES.tempAuthKeys,
      STORES.salts,
      STORES.session,
      STORES.updates,
      STORES.channelPts,
      STORES.kv,
    ]) {
      db.createObjectStore(name);
    }
    // Peers are keyed "kind:id" (IndexedDB keys cannot be bigint); usernames are a multi-entry index.
    const peers = db.createObjectStore(STORES.peers);
    peers.createIndex("by_username", "usernames", { multiEntry: true });
    peers.createIndex("by_phone", "phone");
  }
  if (from === 1) moveTempKeysToMainSlot(tx.objectStore(STORES.tempAuthKeys));
}

/**
 * Version 1 held one temp key per DC, the main connection's (https://core.telegram.org/api/pfs):
 * each moves to its DC's "main" slot. Runs inside the versionchange transaction, so the database
 * opens only once the move is complete (or not at all).
 */
function moveTempKeysToMainSlot(store: IDBObjectStore): void {
  const cursorRequest = store.openCursor();
  cursorRequest.onsuccess = () => {
    const cursor = cursorRequest.result;
    if (cursor === null) return;
    if (typeof cursor.key === "number") {
      store.put(cursor.value, tempKeyId(cursor.key, "main"));
      cursor.delete();
    }
    cursor.continue();
  };
}

export async function openSessionIdb(name: string): Promise<IDBDatabase> {
  const request = indexedDB.open(`mtkit:${name}`, IDB_SCHEMA_VERSION);
  request.onupgradeneeded = (event) => {
    // The versionchange transaction is set while this event runs.
    upgrade(request.result, request.transaction!, event.oldVersion);
  };
  try {
    return await promisifyRequest(request);
  } catch (error) {
    if (request.error?.name === "VersionError") {
      throw new StorageError("SCHEMA_TOO_NEW", `session ${name} was written by a newer @mtkit/client`, {
        cause: error,
      });
    }
    throw error;
  }
}

/**
 * Takes the Web Lock `mtkit:session:<name>` for as long as the storage is open, so a second tab or
 * worker using the same session gets `SessionLockedError` instead of AUTH_KEY_DUPLICATED.
 * Returns the function that releases it.
 */
export async function lockSession(name: string): Promise<() => void> {
  const lockName = `mtkit:session:${name}`;
  // Web Locks exist in every current browser and worker; without them we could not keep a second
  // tab from using the same key, so refuse rather than risk AUTH_KEY_DUPLICATED.
  if (typeof navigator === "undefined" || !("locks" in navigator)) {
    throw new StorageError("BACKEND_FAILED", "the Web Locks API (navigator.locks) is not available here");
  }
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const acquired = await new Promise<boolean>((resolve, reject) => {
    navigator.locks
      .request(lockName, { ifAvailable: true }, (lock) => {
        resolve(lock !== null);
        return lock === null ? undefined : held;
      })
      .catch((error: unknown) => {
        reject(new StorageError("BACKEND_FAILED", `Web Locks failed: ${String(error)}`, { cause: error }));
      });
  });
  if (!acquired) throw new SessionLockedError(lockName);
  return release;
}
