/**
 * Secret chats in a client storage's `kv` repository (SQLite, IndexedDB or memory): one key per
 * chat ("secret:chat:<id>") and an index of chat ids ("secret:index"), since `kv` cannot list.
 */
import type { KeyValueRepository } from "../storage/types.js";
import type { SecretChatState } from "./secret-chat-state.js";
import type { SecretChatStore } from "./secret-chat-store.js";
import { decodeChatState, encodeChatState } from "./secret-state-codec.js";

const INDEX_KEY = "secret:index";
const chatKey = (chatId: number): string => `secret:chat:${String(chatId)}`;

export class KvSecretChatStore implements SecretChatStore {
  constructor(private readonly kv: KeyValueRepository) {}

  async load(): Promise<readonly SecretChatState[]> {
    const states: SecretChatState[] = [];
    for (const id of await this.#index()) {
      const bytes = await this.kv.get(chatKey(id));
      if (bytes !== null) states.push(decodeChatState(bytes));
    }
    return states;
  }

  async save(state: SecretChatState): Promise<void> {
    await this.kv.set(chatKey(state.chatId), encodeChatState(state));
    const index = await this.#index();
    if (!index.includes(state.chatId)) await this.#writeIndex([...index, state.chatId]);
  }

  async delete(chatId: number): Promise<void> {
    await this.kv.set(chatKey(chatId), null);
    await this.#writeIndex((await this.#index()).filter((id) => id !== chatId));
  }

  async #index(): Promise<number[]> {
    const bytes = await this.kv.get(INDEX_KEY);
    if (bytes === null) return [];
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return Array.isArray(parsed) ? parsed.filter((id): id is number => typeof id === "number") : [];
  }

  #writeIndex(ids: readonly number[]): Promise<void> {
    return this.kv.set(INDEX_KEY, new TextEncoder().encode(JSON.stringify(ids)));
  }
}
