/** The single updates inside a pushed `Updates` (https://core.telegram.org/type/Updates) that secret chats care about. */
import type { TypeUpdate } from "@mtkit/tl-core/api";

const SECRET_UPDATES = new Set([
  "updateEncryption",
  "updateNewEncryptedMessage",
  "updateEncryptedMessagesRead",
  "updateEncryptedChatTyping",
]);

export function secretUpdatesOf(pushed: unknown): TypeUpdate[] {
  if (typeof pushed !== "object" || pushed === null) return [];
  const body = pushed as { readonly _?: unknown; readonly updates?: unknown; readonly update?: unknown };
  let updates: unknown[] = [];
  if ((body._ === "updates" || body._ === "updatesCombined") && Array.isArray(body.updates)) updates = body.updates;
  else if (body._ === "updateShort") updates = [body.update];
  return updates.filter((update): update is TypeUpdate => {
    const name = (update as { readonly _?: unknown } | null)?._;
    return typeof name === "string" && SECRET_UPDATES.has(name);
  });
}
