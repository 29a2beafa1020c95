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

/**
 * True once secret chats were opened on this storage: `openSecretChats` writes the chat index (an
 * empty one at first), so an app that used them before gets them opened before the first catch-up
 * even while it has no chat, and a first request that came while it was away is not lost.
 */
export async function storageHasSecretChats(kv: Pick<KeyValueRepository, "get">): Promise<boolean> {
  for (const key of [SECRET_CHAT_KEYS.index, SECRET_PENDING_KEYS.index]) {
    if ((await kv.get(key)) !== null) return true;
  }
  return false;
}

/** Marks the storage as using secret chats (see `storageHasSecretChats`); keeps an existing index. */
export async function markSecretChatsUsed(kv: Pick<KeyValueRepository, "get" | "set">): Promise<void> {
  if ((await kv.get(SECRET_CHAT_KEYS.index)) === null)
    await kv.set(SECRET_CHAT_KEYS.index, new TextEncoder().encode("[]"));
}
