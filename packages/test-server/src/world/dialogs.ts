import type { WorldStore } from "../store/world-store.js";
import { peerKey } from "./peers.js";
import type { Dialog, Message, PeerRef } from "./types.js";

/** Each account's chat list: one row per peer, its newest message and how far it was read. */
export class Dialogs {
  constructor(private readonly store: WorldStore) {}

  get(ownerId: bigint, peer: PeerRef): Dialog | undefined {
    return this.store.table("dialogs").get(String(ownerId), peerKey(peer));
  }

  all(ownerId: bigint): Dialog[] {
    return this.store.table("dialogs").scan(String(ownerId));
  }

  /** Creates the row if needed (joining a channel, being added to a group). */
  ensure(ownerId: bigint, peer: PeerRef, date: number): Dialog {
    const existing = this.get(ownerId, peer);
    if (existing !== undefined) return existing;
    const dialog: Dialog = {
      peer,
      topMessage: 0,
      topDate: date,
      readInboxMaxId: 0,
      readOutboxMaxId: 0,
      pinnedOrder: undefined,
      ttlPeriod: undefined,
    };
    this.put(ownerId, dialog);
    return dialog;
  }

  /** A new message in the owner's copy of a chat: it becomes the top one; the owner's own message counts as read. */
  onMessage(ownerId: bigint, message: Message): void {
    const dialog = this.ensure(ownerId, message.peer, message.date);
    this.put(ownerId, {
      ...dialog,
      topMessage: Math.max(dialog.topMessage, message.id),
      topDate: message.date,
      readInboxMaxId: message.out ? Math.max(dialog.readInboxMaxId, message.id) : dialog.readInboxMaxId,
    });
  }

  update(ownerId: bigint, peer: PeerRef, change: (dialog: Dialog) => Dialog): Dialog | undefined {
    const dialog = this.get(ownerId, peer);
    if (dialog === undefined) return undefined;
    const next = change(dialog);
    this.put(ownerId, next);
    return next;
  }

  remove(ownerId: bigint, peer: PeerRef): void {
    this.store.table("dialogs").delete(String(ownerId), peerKey(peer));
  }

  private put(ownerId: bigint, dialog: Dialog): void {
    this.store.table("dialogs").put(String(ownerId), peerKey(dialog.peer), dialog);
  }
}
