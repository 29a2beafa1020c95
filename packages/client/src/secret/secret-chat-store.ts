/**
 * Where secret chats live between runs. The state is plain data (numbers, bigints, bytes, arrays),
 * so a store may keep it as is (memory, IndexedDB's structured clone) or serialise it.
 */
import type { DhParams } from "./dh-config-cache.js";
import type { SecretChatState } from "./secret-chat-state.js";
import type { DhHalf } from "./secret-dh.js";

/** A chat we asked for that the peer has not accepted yet: what finishing the key needs. */
export interface PendingRequestRecord {
  readonly chatId: number;
  readonly peerUserId: number;
  readonly params: DhParams;
  /** Our exponent (secret, like a key) and g_a. */
  readonly half: DhHalf;
}

export interface SecretChatStore {
  load(): Promise<readonly SecretChatState[]>;
  save(state: SecretChatState): Promise<void>;
  delete(chatId: number): Promise<void>;
  loadPending(): Promise<readonly PendingRequestRecord[]>;
  savePending(record: PendingRequestRecord): Promise<void>;
  deletePending(chatId: number): Promise<void>;
}

/** Keeps copies in memory: a new `SecretChats` over the same store continues every chat. */
export class MemorySecretChatStore implements SecretChatStore {
  readonly #states = new Map<number, SecretChatState>();
  readonly #pending = new Map<number, PendingRequestRecord>();

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

  loadPending(): Promise<readonly PendingRequestRecord[]> {
    return Promise.resolve([...this.#pending.values()].map((record) => structuredClone(record)));
  }

  savePending(record: PendingRequestRecord): Promise<void> {
    this.#pending.set(record.chatId, structuredClone(record));
    return Promise.resolve();
  }

  deletePending(chatId: number): Promise<void> {
    this.#pending.delete(chatId);
    return Promise.resolve();
  }
}
