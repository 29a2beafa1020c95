/**
 * Where secret chats live between runs. The state is plain data (numbers, bigints, bytes, arrays),
 * so a store may keep it as is (memory, IndexedDB's structured clone) or serialise it.
 */
import type { SecretChatState } from "./secret-chat-state.js";

export interface SecretChatStore {
  load(): Promise<readonly SecretChatState[]>;
  save(state: SecretChatState): Promise<void>;
  delete(chatId: number): Promise<void>;
}

/** Keeps copies in memory: a new `SecretChats` over the same store continues every chat. */
export class MemorySecretChatStore implements SecretChatStore {
  readonly #states = new Map<number, SecretChatState>();

  load(): Promise<readonly SecretChatState[]> {
    return Promise.resolve([...this.#states.values()].map((state) => structuredClone(state)));
  }

  save(state: SecretChatState): Promise<void> {
    this.#states.set(state.chatId, structuredClone(state));
    return Promise.resolve();
  }

  delete(chatId: number): Promise<void> {
    this.#states.delete(chatId);
    return Promise.resolve();
  }
}
