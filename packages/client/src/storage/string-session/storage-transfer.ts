import type { ClientStorage } from "../types.js";
import { exportStringSession, importStringSession } from "./string-session.js";
import { StringSessionError } from "./string-session-error.js";

/** Reads the home DC, its permanent key, self and the update state from any storage and packs them into a string session. */
export async function exportSessionFromStorage(storage: ClientStorage): Promise<string> {
  const dc = await storage.session.getHomeDc();
  if (dc === null) throw new StringSessionError("BAD_FIELD", "the storage has no home DC yet (not logged in)");
  const authKey = await storage.authKeys.getPermanent(dc.id);
  if (authKey === null) throw new StringSessionError("BAD_FIELD", `the storage has no auth key for DC ${dc.id}`);
  const self = await storage.session.getSelf();
  const updates = await storage.updates.get();
  return exportStringSession({
    dc,
    authKey,
    ...(self === null ? {} : { self }),
    ...(updates === null ? {} : { updates }),
  });
}

/** Unpacks a string session into a storage (validating it fully before writing anything). */
export async function importSessionIntoStorage(storage: ClientStorage, text: string): Promise<void> {
  const data = importStringSession(text);
  await storage.authKeys.setPermanent(data.dc.id, data.authKey);
  await storage.session.setHomeDc(data.dc);
  await storage.session.setSelf(data.self ?? null);
  // The account's update state, when the string carries one: the next connect catches up from it.
  if (data.updates !== undefined) await storage.updates.set(data.updates);
}
