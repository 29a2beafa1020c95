import type { OutgoingMessage } from "../core/outbox.js";

/**
 * The pushes (content-related messages that answer no request, i.e. updates) a server session sent
 * or queued and the client has not acknowledged yet
 * (https://core.telegram.org/mtproto/service_messages_about_messages#acknowledgment-of-receipt).
 * A server uses the count to notice a client that fell behind, and send updatesTooLong instead of
 * more pushes (https://core.telegram.org/api/updates). Ids are kept only until acknowledged or
 * `clear()`ed, so a server that stops pushing at a limit also bounds this ledger.
 */
export class PushLedger {
  readonly #queued = new Set<OutgoingMessage>();
  readonly #sent = new Set<bigint>();

  /** Pushes queued or sent and not acknowledged. */
  get count(): number {
    return this.#queued.size + this.#sent.size;
  }

  track(message: OutgoingMessage): void {
    this.#queued.add(message);
  }

  /** A message got its msg_id and went out: a tracked push is now waiting for its ack. */
  sent(message: OutgoingMessage): void {
    if (message.msgId !== undefined && this.#queued.delete(message)) this.#sent.add(message.msgId);
  }

  acknowledge(msgIds: readonly bigint[]): void {
    if (this.#sent.size === 0) return;
    for (const id of msgIds) this.#sent.delete(id);
  }

  /** Forgets every push (the client proved it is in sync some other way, or the session closed). */
  clear(): void {
    this.#queued.clear();
    this.#sent.clear();
  }
}
