/**
 * Secret chats in a client storage's `kv` repository (SQLite, IndexedDB or memory): one key per
 * chat ("secret:chat:<id>") and an index of chat ids ("secret:index"), since `kv` cannot list;
 * requests still waiting for the peer likewise ("secret:pending:<id>", "secret:pending-index").
 */
import type { KeyValueRepository } from "../storage/types.js";
import type { SecretChatState } from "./secret-chat-state.js";
import type { PendingRequestRecord, SecretChatStore } from "./secret-chat-store.js";
import { decodeChatState, decodeTagged, encodeChatState, encodeTagged } from "./secret-state-codec.js";
import { SECRET_CHAT_KEYS as CHATS, SECRET_PENDING_KEYS as PENDING } from "../storage/secret-kv-keys.js";

type Keys = typeof CHATS;

export class KvSecretChatStore implements SecretChatStore {
  constructor(private readonly kv: KeyValueRepository) {}

  async load(): Promise<readonly SecretChatState[]> {
    return (await this.#loadAll(CHATS)).map(decodeChatState);
  }

  save(state: SecretChatState): Promise<void> {
    return this.#put(CHATS, state.chatId, encodeChatState(state));
  }

  delete(chatId: number): Promise<void> {
    return this.#remove(CHATS, chatId);
  }

  async loadPending(): Promise<readonly PendingRequestRecord[]> {
    return (await this.#loadAll(PENDING)).map((bytes) => decodeTagged(bytes) as PendingRequestRecord);
  }

  savePending(record: PendingRequestRecord): Promise<void> {
    return this.#put(PENDING, record.chatId, encodeTagged(record));
  }

  deletePending(chatId: number): Promise<void> {
    return this.#remove(PENDING, chatId);
  }

  async #loadAll(keys: Keys): Promise<Uint8Array[]> {
    const all: Uint8Array[] = [];
    for (const id of await this.#index(keys)) {
      const bytes = await this.kv.get(keys.item(id));
      if (bytes !== null) all.push(bytes);
    }
    return all;
  }

  async #put(keys: Keys, id: number, bytes: Uint8Array): Promise<void> {
    await this.kv.set(keys.item(id), bytes);
    const index = await this.#index(keys);
    if (!index.includes(id)) await this.#writeIndex(keys, [...index, id]);
  }

  async #remove(keys: Keys, id: number): Promise<void> {
    await this.kv.set(keys.item(id), null);
    await this.#writeIndex(
      keys,
      (await this.#index(keys)).filter((known) => known !== id),
    );
  }

  async #index(keys: Keys): Promise<number[]> {
    const bytes = await this.kv.get(keys.index);
    if (bytes === null) return [];
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return Array.isArray(parsed) ? parsed.filter((id): id is number => typeof id === "number") : [];
  }

  #writeIndex(keys: Keys, ids: readonly number[]): Promise<void> {
    return this.kv.set(keys.index, new TextEncoder().encode(JSON.stringify(ids)));
  }
}
