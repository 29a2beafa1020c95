/**
 * Secret chats we asked for that the peer has not accepted yet
 * (https://core.telegram.org/api/end-to-end#sending-a-request). Our DH exponent must outlive a
 * restart, or an acceptance that arrives later (live or through getDifference) could never become
 * a key: each request is saved in the store until it is accepted, declined or fails.
 */
import type { PendingRequestRecord, SecretChatStore } from "./secret-chat-store.js";
import type { SecretChat } from "./secret-chat.js";

export interface PendingRequest extends PendingRequestRecord {
  /** The caller of `request()` in this run; a request restored after a restart has none. */
  readonly settle?: { resolve: (chat: SecretChat) => void; reject: (error: Error) => void };
}

export class PendingRequests {
  readonly #requests = new Map<number, PendingRequest>();

  constructor(private readonly store: SecretChatStore) {}

  /** Loads saved requests; those whose chat is open already (saved late, finished early) are dropped. */
  async restore(isOpen: (chatId: number) => boolean): Promise<void> {
    for (const record of await this.store.loadPending()) {
      if (isOpen(record.chatId)) await this.store.deletePending(record.chatId);
      else if (!this.#requests.has(record.chatId)) this.#requests.set(record.chatId, record);
    }
  }

  /** Keeps and saves a request; resolves once it is accepted (rejects if declined or invalid). */
  async add(record: PendingRequestRecord): Promise<SecretChat> {
    const accepted = new Promise<SecretChat>((resolve, reject) => {
      this.#requests.set(record.chatId, { ...record, settle: { resolve, reject } });
    });
    await this.store.savePending(record);
    return accepted;
  }

  /** The request of a chat, removed from memory and storage (the chat is answered either way). */
  async take(chatId: number): Promise<PendingRequest | undefined> {
    const request = this.#requests.get(chatId);
    if (request === undefined) return undefined;
    this.#requests.delete(chatId);
    await this.store.deletePending(chatId);
    return request;
  }
}
