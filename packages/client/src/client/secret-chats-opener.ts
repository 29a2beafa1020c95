import type { ClientLogger } from "../logging/logger.js";
import type { SecretChats } from "../secret/secret-chats.js";
import { markSecretChatsUsed, storageHasSecretChats } from "../storage/secret-kv-keys.js";
import type { KeyValueRepository } from "../storage/types.js";
import type { AccountMethods } from "./account-methods.js";

/**
 * Whether `connect()` must open secret chats before the updates engine's first catch-up: the
 * engine saves qts once its sinks ran, so encrypted updates delivered before a secret sink exists
 * would be counted as handled and never come again.
 */
export async function secretChatsAtConnect(declared: boolean | undefined, kv: KeyValueRepository): Promise<boolean> {
  if (declared !== undefined) return declared;
  return storageHasSecretChats(kv);
}

/**
 * Builds the client's secret chats (https://core.telegram.org/api/end-to-end): kept in
 * `storage.kv`, fed by the updates engine, files over the client's own transfers. The modules are
 * imported here on first use, so apps that never use secret chats do not ship their schema.
 */
export async function openSecretChats(
  client: AccountMethods,
  now: () => number,
  logger: ClientLogger | undefined,
): Promise<SecretChats> {
  const crypto = client.crypto;
  const [{ SecretChats }, { KvSecretChatStore }] = await Promise.all([
    import("../secret/secret-chats.js"),
    import("../secret/kv-secret-chat-store.js"),
  ]);
  const chats = new SecretChats({
    api: client,
    crypto,
    now,
    store: new KvSecretChatStore(client.storage.kv),
    files: {
      upload: async (chunks, options) => (await client.uploadFile(chunks, options)).inputFile,
      download: (location, dcId, maxBytes, options) =>
        client.downloadAsIterable({ location, dcId }, { ...options, limit: maxBytes }),
    },
  });
  await markSecretChatsUsed(client.storage.kv);
  chats.restore().catch((error: unknown) => {
    logger?.error("saved secret chats could not be restored", error);
  });
  // The updates engine orders qts and fetches what was missed; the sink is awaited before the state is saved.
  client.updates.addSink((batch) => chats.handleUpdates(batch.updates));
  return chats;
}
