import type { WorldStore } from "../store/world-store.js";
import { historyGroup, idKey, parsePeerKey, peerKey } from "./peers.js";
import type { Message, PeerRef } from "./types.js";

/** Where messages are kept: one row per copy, found by (owner, peer, id), by (owner, id) or by the copies of one message. */
export class MessageStore {
  constructor(private readonly store: WorldStore) {}

  /** Stores an account's copy; `shared` names the logical message all copies belong to. */
  putCopy(message: Message, shared: string): void {
    const ownerId = message.ownerId!;
    this.store.table("messages").put(historyGroup(ownerId, message.peer), message.id, message);
    this.store.table("messagePeers").put(String(ownerId), message.id, { peerKey: peerKey(message.peer), shared });
    this.store.table("copies").put(shared, idKey(ownerId), { ownerId, id: message.id });
  }

  putChannelMessage(message: Message): void {
    this.store.table("messages").put(historyGroup(undefined, message.peer), message.id, message);
  }

  /** Rewrites a message in place (edit). */
  replace(message: Message): void {
    this.store.table("messages").put(historyGroup(message.ownerId, message.peer), message.id, message);
  }

  /** An account's copy by its id alone (what messages.getMessages and deleteMessages get). */
  ownCopy(ownerId: bigint, id: number): Message | undefined {
    const where = this.store.table("messagePeers").get(String(ownerId), id);
    if (where === undefined) return undefined;
    return this.store.table("messages").get(historyGroup(ownerId, parsePeerKey(where.peerKey)), id);
  }

  channelMessage(channelId: bigint, id: number): Message | undefined {
    return this.store.table("messages").get(`c${channelId}`, id);
  }

  /** Every copy of the message an account holds as `id` (its own included). */
  copiesOf(ownerId: bigint, id: number): Message[] {
    const shared = this.store.table("messagePeers").get(String(ownerId), id)?.shared;
    if (shared === undefined) return [];
    const out: Message[] = [];
    for (const copy of this.store.table("copies").scan(shared)) {
      const message = this.ownCopy(copy.ownerId, copy.id);
      if (message !== undefined) out.push(message);
    }
    return out;
  }

  deleteCopy(message: Message): void {
    const ownerId = message.ownerId!;
    const shared = this.store.table("messagePeers").get(String(ownerId), message.id)?.shared;
    this.store.table("messages").delete(historyGroup(ownerId, message.peer), message.id);
    this.store.table("messagePeers").delete(String(ownerId), message.id);
    if (shared !== undefined) this.store.table("copies").delete(shared, idKey(ownerId));
  }

  deleteChannelMessage(channelId: bigint, id: number): boolean {
    return this.store.table("messages").delete(`c${channelId}`, id);
  }

  /** The newest message of a history (a chat of an account, or a channel when ownerId is undefined). */
  newest(ownerId: bigint | undefined, peer: PeerRef): Message | undefined {
    return this.store.table("messages").scan(historyGroup(ownerId, peer), { reverse: true, limit: 1 })[0];
  }

  countAbove(ownerId: bigint | undefined, peer: PeerRef, id: number): number {
    return this.store.table("messages").count(historyGroup(ownerId, peer), { above: id });
  }
}
