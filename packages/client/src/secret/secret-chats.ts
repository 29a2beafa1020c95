/**
 * The secret chats of one account (https://core.telegram.org/api/end-to-end): requests, accepts,
 * declines and discards through the API, feeds updateEncryption / updateNewEncryptedMessage to the
 * right chat's core, sends what the cores produce in order, and saves every chat after each step so
 * a restarted client continues where it stopped. Updates are handled one at a time, in arrival order.
 */
import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import type { TypeEncryptedChat, TypeEncryptedMessage, TypeInputUser, TypeUpdate } from "@mtkit/tl-core/api";
import type { UploadSource } from "../files/upload/upload-source.js";
import { DhConfigCache } from "./dh-config-cache.js";
import { type ApiInvoker, type InputEncryptedChat, SecretChatCalls } from "./secret-chat-calls.js";
import { SecretChatCore } from "./secret-chat-core.js";
import { SecretChatProtocolError } from "./secret-chat-error.js";
import type { SecretChatEvent } from "./secret-chat-events.js";
import { completeRequest, newChatState } from "./secret-chat-setup.js";
import { MemorySecretChatStore, type SecretChatStore } from "./secret-chat-store.js";
import { SecretChat, type SecretChatPort } from "./secret-chat.js";
import { PendingRequests } from "./pending-requests.js";
import { secretUpdatesOf } from "./raw-updates.js";
import { ListenerHub } from "./listener-hub.js";
import {
  type DownloadSecretFileOptions,
  downloadSecretFile,
  type ReceivedMedia,
  type SecretFileHost,
  type SendFileOptions,
  uploadSecretFile,
} from "./secret-files.js";

export type { ApiInvoker } from "./secret-chat-calls.js";

export type SecretChatsEvent =
  | { readonly type: "request"; readonly chatId: number; readonly userId: bigint }
  | { readonly type: "ready"; readonly chat: SecretChat }
  | { readonly type: "closed"; readonly chatId: number; readonly historyDeleted: boolean }
  /** The peer is typing (updateEncryptedChatTyping, from messages.setEncryptedTyping). */
  | { readonly type: "typing"; readonly chatId: number }
  /** The peer read our messages up to `maxDate` (updateEncryptedMessagesRead, from messages.readEncryptedHistory). */
  | { readonly type: "history_read"; readonly chatId: number; readonly maxDate: number }
  | { readonly type: "chat"; readonly chat: SecretChat; readonly event: SecretChatEvent }
  | { readonly type: "error"; readonly chatId: number | undefined; readonly error: SecretChatProtocolError };

export interface SecretChatsOptions {
  readonly api: ApiInvoker;
  readonly crypto: CryptoProvider;
  readonly now?: () => number;
  readonly store?: SecretChatStore;
  readonly onEvent?: (event: SecretChatsEvent) => void;
  /** Uploads and downloads for `chat.sendFile` / `downloadFile` (a `TelegramClient` passes its own). */
  readonly files?: SecretFileHost;
}

export class SecretChats implements SecretChatPort {
  readonly #chats = new Map<number, SecretChat>();
  readonly #requested: PendingRequests;
  readonly #incoming = new Map<number, Extract<TypeEncryptedChat, { _: "encryptedChatRequested" }>>();
  /** Chats never opened here whose close was told (an open chat keeps that in its state). */
  readonly #closedUnopened = new Set<number>();
  readonly #calls: SecretChatCalls;
  readonly #store: SecretChatStore;
  readonly #now: () => number;
  #queue: Promise<void> = Promise.resolve();
  /** Listeners; what happened before the first one (a catch-up at connect) is handed to it on `subscribe`. */
  readonly #events: ListenerHub<SecretChatsEvent>;
  #restored: Promise<void> | undefined;
  /** Sends leave in the order the cores produced them, whichever call flushed. */
  #sending: Promise<void> = Promise.resolve();

  constructor(private readonly options: SecretChatsOptions) {
    this.#calls = new SecretChatCalls(options.api, options.crypto, new DhConfigCache(options.crypto), options.files);
    this.#store = options.store ?? new MemorySecretChatStore();
    this.#requested = new PendingRequests(this.#store);
    this.#now = options.now ?? Date.now;
    this.#events = new ListenerHub<SecretChatsEvent>(
      (count) => ({
        type: "error",
        chatId: undefined,
        error: new SecretChatProtocolError("EVENTS_DROPPED", `${String(count)} events came before any listener`),
      }),
      options.onEvent,
    );
  }

  /** Loads the saved chats once (updates wait for it); later calls return the same chats. */
  restore(): Promise<SecretChat[]> {
    this.#restored ??= this.#queue.then(async () => {
      for (const state of await this.#store.load()) this.#chats.set(state.chatId, this.#open(state));
      await this.#requested.restore((chatId) => this.#chats.has(chatId));
    });
    this.#queue = this.#restored.catch(() => undefined);
    return this.#restored.then(() => [...this.#chats.values()]);
  }

  /** A batch of updates in order (an updates-engine sink). */
  async handleUpdates(updates: readonly TypeUpdate[]): Promise<void> {
    // getDifference lists new_encrypted_messages before other_updates, yet a chat's acceptance
    // (updateEncryption) must come before its first message: opening notices go first.
    const opening = (update: TypeUpdate): boolean =>
      update._ === "updateEncryption" && update.chat._ !== "encryptedChatDiscarded";
    for (const update of updates) if (opening(update)) await this.handleUpdate(update);
    for (const update of updates) if (!opening(update)) await this.handleUpdate(update);
  }

  get(chatId: number): SecretChat | undefined {
    return this.#chats.get(chatId);
  }

  /**
   * Asks `user` for a secret chat; resolves once they accept (rejects if they decline). The request
   * is saved: after a restart, an acceptance still opens the chat (a `ready` event).
   */
  async request(user: Extract<TypeInputUser, { _: "inputUser" }>): Promise<SecretChat> {
    return this.#requested.add(await this.#calls.requestEncryption(user));
  }

  /** Accepts an incoming request (a `request` event). */
  async accept(chatId: number): Promise<SecretChat> {
    const requested = this.#incoming.get(chatId);
    if (requested === undefined)
      throw new SecretChatProtocolError("CHAT_CLOSED", `no pending request ${chatId}`, chatId);
    this.#incoming.delete(chatId);
    const state = await this.#calls.acceptEncryption(requested, this.#now());
    return this.#begin(state);
  }

  async decline(chatId: number): Promise<void> {
    this.#incoming.delete(chatId);
    await this.options.api.invoke({ _: "messages.discardEncryption", chatId, deleteHistory: true });
  }

  /**
   * Adds a listener of every event (besides `onEvent`); returns the unsubscribe function. Events
   * that came while nobody listened (say the catch-up of `connect()`) are handed to the first
   * listener at once, in order, before this returns.
   */
  subscribe(listener: (event: SecretChatsEvent) => void): () => void {
    return this.#events.subscribe(listener);
  }

  /** Feeds a pushed `Updates` as it came from the server; its secret-chat updates are handled in order. */
  feed(pushed: unknown): void {
    for (const update of secretUpdatesOf(pushed)) {
      this.handleUpdate(update).catch((error: unknown) => {
        this.#emit({
          type: "error",
          chatId: undefined,
          error: new SecretChatProtocolError("CHAT_CLOSED", `update failed: ${String(error)}`),
        });
      });
    }
  }

  /** Feeds one update; secret-chat ones are handled, others ignored. */
  handleUpdate(update: TypeUpdate): Promise<void> {
    const run = this.#queue.then(() => this.#handle(update));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Runs self-destruct timers that are due. */
  async tick(): Promise<void> {
    for (const chat of this.#chats.values()) {
      chat.core.tick();
      await this.flush(chat);
    }
  }

  /**
   * Inside an updates sink: the chat's state is saved before the sink returns, its packets go out
   * behind it. Awaiting them would deadlock a catch-up at connect, whose calls wait for the sink.
   */
  async #flushFromUpdate(chat: SecretChat): Promise<void> {
    await this.#store.save(chat.core.state);
    this.flush(chat).catch((error: unknown) => {
      const reason = new SecretChatProtocolError("SEND_FAILED", `sending failed: ${String(error)}`, chat.id);
      this.#emit({ type: "error", chatId: chat.id, error: reason });
    });
  }

  flush(chat: SecretChat): Promise<void> {
    const drained = chat.core.drain();
    const run = this.#sending.then(() => this.#send(chat, drained));
    this.#sending = run.catch(() => undefined);
    return run;
  }

  async #send(chat: SecretChat, { packets, events }: ReturnType<SecretChatCore["drain"]>): Promise<void> {
    const peer = { _: "inputEncryptedChat", chatId: chat.id, accessHash: chat.core.state.accessHash } as const;
    for (const packet of packets) {
      const request = { peer, randomId: packet.randomId, data: packet.data };
      if (packet.file !== undefined) {
        const sent = await this.options.api.invoke({ _: "messages.sendEncryptedFile", ...request, file: packet.file });
        if (sent._ === "messages.sentEncryptedFile" && sent.file._ === "encryptedFile")
          chat.core.fileStored(packet.randomId, sent.file);
      } else if (packet.service) await this.options.api.invoke({ _: "messages.sendEncryptedService", ...request });
      else await this.options.api.invoke({ _: "messages.sendEncrypted", ...request });
    }
    await this.#store.save(chat.core.state);
    for (const event of events) {
      if (event.type === "error") this.#emit({ type: "error", chatId: chat.id, error: event.error });
      this.#emit({ type: "chat", chat, event });
    }
    // "the client is required to immediately abort the secret chat" (https://core.telegram.org/api/end-to-end/seq_no)
    if (events.some((event) => event.type === "aborted"))
      await this.options.api.invoke({ _: "messages.discardEncryption", chatId: chat.id });
  }

  async close(chat: SecretChat, deleteHistory: boolean): Promise<void> {
    chat.core.state.closed = true;
    await this.#store.save(chat.core.state);
    await this.options.api.invoke({
      _: "messages.discardEncryption",
      chatId: chat.id,
      ...(deleteHistory ? { deleteHistory } : {}),
    });
  }

  async sendFile(chat: SecretChat, source: UploadSource, options: SendFileOptions): Promise<bigint> {
    const { media, file } = await uploadSecretFile(this.options.crypto, this.#calls.files, source, options);
    const randomId = chat.core.sendMedia(media, file, options);
    await this.flush(chat);
    return randomId;
  }

  downloadFile(
    chat: SecretChat,
    received: ReceivedMedia,
    options: DownloadSecretFileOptions,
  ): AsyncGenerator<Uint8Array, void, undefined> {
    return downloadSecretFile(this.options.crypto, this.#calls.files, received, chat.id, options);
  }

  setTyping(chat: SecretChat, typing: boolean): Promise<void> {
    return this.#calls.setTyping(this.#peer(chat), typing);
  }

  readHistory(chat: SecretChat, maxDate: number): Promise<void> {
    return this.#calls.readHistory(this.#peer(chat), maxDate);
  }

  #peer(chat: SecretChat): InputEncryptedChat {
    return { _: "inputEncryptedChat", chatId: chat.id, accessHash: chat.core.state.accessHash };
  }

  async #handle(update: TypeUpdate): Promise<void> {
    if (update._ === "updateEncryptedChatTyping") this.#emit({ type: "typing", chatId: update.chatId });
    else if (update._ === "updateEncryptedMessagesRead")
      this.#emit({ type: "history_read", chatId: update.chatId, maxDate: update.maxDate });
    else if (update._ === "updateEncryption") await this.#onChat(update.chat);
    else if (update._ === "updateNewEncryptedMessage") {
      await this.handleEncryptedMessage(update.message);
      await this.options.api.invoke({ _: "messages.receivedQueue", maxQts: update.qts });
    }
  }

  /** One message from updateNewEncryptedMessage or getDifference's new_encrypted_messages. */
  async handleEncryptedMessage(message: TypeEncryptedMessage): Promise<void> {
    const chat = this.#chats.get(message.chatId);
    if (chat === undefined) {
      this.#emit({
        type: "error",
        chatId: message.chatId,
        error: new SecretChatProtocolError("CHAT_CLOSED", "message for an unknown chat", message.chatId),
      });
      return;
    }
    const file = message._ === "encryptedMessage" && message.file._ === "encryptedFile" ? message.file : undefined;
    chat.core.receive(message.bytes, file);
    await this.#flushFromUpdate(chat);
  }

  async #onChat(chat: TypeEncryptedChat): Promise<void> {
    if (chat._ === "encryptedChatRequested") {
      // A chat's notice comes again in each difference of the second it changed in: one event per request.
      if (this.#incoming.has(chat.id) || this.#chats.has(chat.id)) return;
      this.#incoming.set(chat.id, chat);
      this.#emit({ type: "request", chatId: chat.id, userId: chat.adminId });
    } else if (chat._ === "encryptedChat") {
      const pending = await this.#requested.take(chat.id);
      if (pending === undefined) return;
      try {
        const shared = completeRequest(
          this.options.crypto,
          pending.params,
          pending.half,
          chat.gAOrB,
          chat.keyFingerprint,
        );
        const state = newChatState(this.options.crypto, {
          chatId: chat.id,
          accessHash: chat.accessHash,
          peerUserId: pending.peerUserId,
          role: "originator",
          dh: pending.params,
          shared,
          now: this.#now(),
        });
        // Not inside `settle?.resolve(...)`: a restored request has no settle, and `?.` would skip the call.
        const opened = await this.#begin(state, true);
        pending.settle?.resolve(opened);
      } catch (error) {
        if (!(error instanceof SecretChatProtocolError)) throw error;
        pending.settle?.reject(error);
        this.#emit({ type: "error", chatId: chat.id, error });
        await this.options.api.invoke({ _: "messages.discardEncryption", chatId: chat.id });
      }
    } else if (chat._ === "encryptedChatDiscarded") await this.#onDiscarded(chat);
  }

  /**
   * One `closed` event per chat: the notice comes again in each difference of the second the chat
   * closed in. An open chat keeps the mark in its saved state (it holds across restarts); any other
   * chat (a request declined or withdrawn) in memory, for this run.
   */
  async #onDiscarded(chat: Extract<TypeEncryptedChat, { _: "encryptedChatDiscarded" }>): Promise<void> {
    const declined = await this.#requested.take(chat.id);
    declined?.settle?.reject(new SecretChatProtocolError("CHAT_CLOSED", "the request was declined", chat.id));
    this.#incoming.delete(chat.id);
    const open = this.#chats.get(chat.id);
    if (open === undefined) {
      if (this.#closedUnopened.has(chat.id)) return;
      this.#closedUnopened.add(chat.id);
    } else {
      if (open.core.state.closeReported === true) return;
      open.core.state.closed = true;
      open.core.state.closeReported = true;
      await this.#store.save(open.core.state);
    }
    this.#emit({ type: "closed", chatId: chat.id, historyDeleted: chat.historyDeleted === true });
  }

  async #begin(state: ReturnType<typeof newChatState>, fromUpdate = false): Promise<SecretChat> {
    const chat = this.#open(state);
    this.#chats.set(chat.id, chat);
    chat.core.start();
    await (fromUpdate ? this.#flushFromUpdate(chat) : this.flush(chat));
    this.#emit({ type: "ready", chat });
    return chat;
  }

  #open(state: ReturnType<typeof newChatState>): SecretChat {
    return new SecretChat(new SecretChatCore(state, { crypto: this.options.crypto, now: this.#now }), this);
  }

  #emit(event: SecretChatsEvent): void {
    this.#events.emit(event);
  }
}
