/**
 * The server side of secret chats (https://core.telegram.org/api/end-to-end): it only relays. It
 * keeps each chat's public DH values, its state and the encrypted messages waiting for a device,
 * numbered by the recipient's qts (https://core.telegram.org/api/updates#secret-chats-qts). It never
 * sees a key or a plaintext byte.
 */
import type { TypeEncryptedFile, TypeEncryptedMessage } from "@mtkit/tl-core/api";
import { idKey } from "../world/peers.js";
import { seconds } from "../world/world-clock.js";
import type { World } from "../world/world.js";

export interface RelayChat {
  readonly id: number;
  readonly accessHash: bigint;
  readonly date: number;
  /** The user who requested the chat (its originator). */
  readonly adminId: bigint;
  readonly participantId: bigint;
  readonly gA: Uint8Array;
  gB: Uint8Array | undefined;
  keyFingerprint: bigint | undefined;
  state: "waiting" | "ready" | "discarded";
  historyDeleted: boolean;
  /** When the state last changed (seconds): getDifference repeats updateEncryption from then on. */
  changedAt: number;
}

/** An encrypted message waiting in one account's qts queue. */
export interface QueuedMessage {
  readonly qts: number;
  readonly message: TypeEncryptedMessage;
}

export class SecretRelay {
  readonly chats = new Map<number, RelayChat>();
  /** account id -> messages not yet confirmed by messages.receivedQueue, by qts. */
  readonly queues = new Map<bigint, QueuedMessage[]>();
  /** "<chat id>:<random_id>" -> what the send answered and a digest of its bytes, so a retried call is answered once. */
  readonly sentRandomIds = new Map<
    string,
    { readonly date: number; readonly file: TypeEncryptedFile; readonly digest: string }
  >();
  /** "<admin id>:<random_id>" -> chat id of requestEncryption. */
  readonly requests = new Map<string, number>();
  #nextChatId = 1;

  constructor(readonly world: World) {}

  now(): number {
    return seconds(this.world.env);
  }

  createChat(adminId: bigint, participantId: bigint, gA: Uint8Array): RelayChat {
    const chat: RelayChat = {
      id: this.#nextChatId++,
      accessHash: this.world.env.randomLong(),
      date: this.now(),
      adminId,
      participantId,
      gA,
      gB: undefined,
      keyFingerprint: undefined,
      state: "waiting",
      historyDeleted: false,
      changedAt: this.now(),
    };
    this.chats.set(chat.id, chat);
    return chat;
  }

  /** Appends a message to the account's queue under its next qts (kept in the world's account box). */
  enqueue(accountId: bigint, build: (qts: number) => TypeEncryptedMessage): QueuedMessage {
    const box = this.world.boxes.account(accountId);
    const qts = box.qts + 1;
    this.world.store.table("boxes").put("", idKey(accountId), { ...box, qts });
    const entry = { qts, message: build(qts) };
    const queue = this.queues.get(accountId) ?? [];
    queue.push(entry);
    this.queues.set(accountId, queue);
    return entry;
  }

  /** Messages of the account's queue after `qts`, oldest first. */
  after(accountId: bigint, qts: number): QueuedMessage[] {
    return (this.queues.get(accountId) ?? []).filter((entry) => entry.qts > qts);
  }

  /** messages.receivedQueue: the device has everything up to `maxQts`. */
  confirm(accountId: bigint, maxQts: number): void {
    const queue = this.queues.get(accountId);
    if (queue !== undefined)
      this.queues.set(
        accountId,
        queue.filter((entry) => entry.qts > maxQts),
      );
  }

  /** discardEncryption with delete_history: the undelivered messages of the chat go too. */
  dropChatMessages(chatId: number): void {
    for (const [accountId, queue] of this.queues)
      this.queues.set(
        accountId,
        queue.filter((entry) => entry.message.chatId !== chatId),
      );
  }
}

const relays = new WeakMap<World, SecretRelay>();

/** The relay of a world (one per world, made on first use). */
export function secretRelayOf(world: World): SecretRelay {
  let relay = relays.get(world);
  if (relay === undefined) {
    relay = new SecretRelay(world);
    relays.set(world, relay);
  }
  return relay;
}
