import type Database from "better-sqlite3";
import { checkAuthKey, checkDcId, checkTempKeySlot } from "../storage-error.js";
import type { AuthKeysRepository, TempAuthKey, TempKeySlot } from "../types.js";

const toBytes = (blob: Buffer): Uint8Array =>
  new Uint8Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));

/** Auth keys in two tables (temp keys per DC and slot). Each write is its own fsynced commit: durable when the promise resolves. */
export function sqliteAuthKeys(db: Database.Database): AuthKeysRepository {
  const getPermanent = db.prepare<[number], { key: Buffer }>("SELECT key FROM auth_keys WHERE dc_id = ?");
  const putPermanent = db.prepare<[number, Uint8Array]>("INSERT OR REPLACE INTO auth_keys (dc_id, key) VALUES (?, ?)");
  const deletePermanent = db.prepare<[number]>("DELETE FROM auth_keys WHERE dc_id = ?");
  const getTemp = db.prepare<[number, TempKeySlot], { key: Buffer; expires_at: bigint }>(
    "SELECT key, expires_at FROM temp_auth_keys WHERE dc_id = ? AND slot = ?",
  );
  const putTemp = db.prepare<[number, TempKeySlot, Uint8Array, number]>(
    "INSERT OR REPLACE INTO temp_auth_keys (dc_id, slot, key, expires_at) VALUES (?, ?, ?, ?)",
  );
  const deleteTemp = db.prepare<[number, TempKeySlot]>("DELETE FROM temp_auth_keys WHERE dc_id = ? AND slot = ?");
  const clear = db.transaction(() => {
    db.exec("DELETE FROM auth_keys; DELETE FROM temp_auth_keys;");
  });

  return {
    getPermanent: (dcId) =>
      Promise.resolve().then(() => {
        const row = getPermanent.get(dcId);
        return row === undefined ? null : toBytes(row.key);
      }),
    setPermanent: (dcId, key) =>
      Promise.resolve().then(() => {
        checkDcId(dcId);
        if (key === null) deletePermanent.run(dcId);
        else {
          checkAuthKey(key);
          putPermanent.run(dcId, key);
        }
      }),
    getTemp: (dcId, nowSeconds, slot = "main") =>
      Promise.resolve().then((): TempAuthKey | null => {
        const row = getTemp.get(dcId, slot);
        if (row === undefined || Number(row.expires_at) <= nowSeconds) return null;
        return { key: toBytes(row.key), expiresAt: Number(row.expires_at) };
      }),
    setTemp: (dcId, temp, slot = "main") =>
      Promise.resolve().then(() => {
        checkDcId(dcId);
        checkTempKeySlot(slot);
        if (temp === null) deleteTemp.run(dcId, slot);
        else {
          checkAuthKey(temp.key);
          putTemp.run(dcId, slot, temp.key, temp.expiresAt);
        }
      }),
    clear: () =>
      Promise.resolve().then(() => {
        clear();
      }),
  };
}
