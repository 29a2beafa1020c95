import type { WorldStore } from "../store/world-store.js";
import type { Dialogs } from "./dialogs.js";
import type { MessageStore } from "./message-store.js";
import type { Dialog, Message } from "./types.js";

/** A dialog with its newest message and unread count, as a chat list shows it. */
export interface DialogView {
  readonly dialog: Dialog;
  readonly top: Message | undefined;
  readonly unreadCount: number;
}

/**
 * An account's chat list, pinned first (in pin order), then by the date of the newest message, newest
 * first (https://core.telegram.org/api/offsets#dialogs). Channel dialogs read the channel's newest
 * message at query time, so a post to a big channel touches no member's row.
 */
export function dialogList(store: WorldStore, dialogs: Dialogs, messages: MessageStore, ownerId: bigint): DialogView[] {
  const views = dialogs.all(ownerId).map((dialog): DialogView => {
    const channel = dialog.peer.kind === "channel";
    const top = messages.newest(channel ? undefined : ownerId, dialog.peer);
    const unreadCount = channel
      ? messages.countAbove(undefined, dialog.peer, dialog.readInboxMaxId)
      : unreadIncoming(store, ownerId, dialog);
    return { dialog: { ...dialog, topMessage: top?.id ?? 0, topDate: top?.date ?? dialog.topDate }, top, unreadCount };
  });
  return views.sort(compareViews);
}

function unreadIncoming(store: WorldStore, ownerId: bigint, dialog: Dialog): number {
  const group = `a${ownerId}:${dialog.peer.kind === "user" ? "u" : "c"}${dialog.peer.id}`;
  return store
    .table("messages")
    .scan(group, { above: dialog.readInboxMaxId })
    .filter((message) => !message.out).length;
}

function compareViews(a: DialogView, b: DialogView): number {
  const pinA = a.dialog.pinnedOrder;
  const pinB = b.dialog.pinnedOrder;
  if (pinA !== undefined || pinB !== undefined) {
    if (pinA === undefined) return 1;
    if (pinB === undefined) return -1;
    return pinA - pinB;
  }
  return b.dialog.topDate - a.dialog.topDate || b.dialog.topMessage - a.dialog.topMessage;
}
