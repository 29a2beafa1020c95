import { StorageError } from "../storage-error.js";

export function promisifyRequest<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    request.onsuccess = () => {
      resolve(request.result);
    };
    request.onerror = () => {
      reject(
        new StorageError("BACKEND_FAILED", `IndexedDB request failed: ${String(request.error)}`, {
          cause: request.error,
        }),
      );
    };
  });
}

/**
 * Runs `body` in one transaction and resolves when it commits. `strict` durability makes the
 * browser flush to disk before `complete` (https://w3c.github.io/IndexedDB/#dom-idbtransactiondurability);
 * auth-key writes use it, the rest use the default.
 */
export function inTransaction<T>(
  db: IDBDatabase,
  stores: string | string[],
  mode: IDBTransactionMode,
  body: (tx: IDBTransaction) => Promise<T> | T,
  durability: IDBTransactionDurability = "default",
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(stores, mode, { durability });
    let result: T;
    let failed = false;
    tx.oncomplete = () => {
      if (!failed) resolve(result);
    };
    tx.onerror = () => {
      failed = true;
      reject(
        new StorageError("BACKEND_FAILED", `IndexedDB transaction failed: ${String(tx.error)}`, { cause: tx.error }),
      );
    };
    tx.onabort = tx.onerror;
    Promise.resolve(body(tx)).then(
      (value) => {
        result = value;
      },
      (error: unknown) => {
        failed = true;
        tx.abort();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
