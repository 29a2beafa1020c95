/**
 * The `kv` keys of secret chats, apart from their store so that the main entry can tell whether a
 * storage holds any (and open them before the first catch-up) without loading the secret module.
 */
import type { KeyValueRepository } from "./types.js";

export const SECRET_CHAT_KEYS = { index: "secret:index", item: (id: number): string => `secret:chat:${String(id)}` };
export const SECRET_PENDING_KEYS = {
  index: "secret:pending-index",
  item: (id: number): string => `secret:pending:${String(id)}`,
};

/** True when one of the two indexes names a chat or a request (an index is a JSON array of ids). */
export async function storageHasSecretChats(kv: Pick<KeyValueRepository, "get">): Promise<boolean> {
  for (const key of [SECRET_CHAT_KEYS.index, SECRET_PENDING_KEYS.index]) {
    const bytes = await kv.get(key);
    if (bytes !== null && !isEmptyIndex(bytes)) return true;
  }
  return false;
}

/** An index that does not parse counts as not empty: the store's own load then reports it. */
function isEmptyIndex(bytes: Uint8Array): boolean {
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return Array.isArray(parsed) && parsed.length === 0;
  } catch {
    return false;
  }
}
