import type { TypeUpdate, TypeUpdates } from "@mtkit/tl-core/api";
import type { DeliveredUpdates } from "../updates/update-sink.js";

/**
 * INTERIM, until the updates engine (`updates/`, on its own branch) is wired: a pushed Updates
 * object as one batch, short forms expanded, with no gap checks or recovery. Once the engine runs,
 * it calls the dispatcher's sink instead and this file goes away.
 */
export function batchFromPush(push: unknown, selfId: bigint | null): DeliveredUpdates | null {
  if (typeof push !== "object" || push === null || !("_" in push)) return null;
  const updates = push as TypeUpdates;
  switch (updates._) {
    case "updates":
    case "updatesCombined":
      return { updates: updates.updates, users: updates.users, chats: updates.chats, source: "push" };
    case "updateShort":
      return { updates: [updates.update], users: [], chats: [], source: "push" };
    case "updateShortMessage":
    case "updateShortChatMessage": {
      const { pts, ptsCount, out, id, date, message } = updates;
      const isChat = updates._ === "updateShortChatMessage";
      const other = { _: "peerUser" as const, userId: isChat ? updates.fromId : updates.userId };
      const from = out === true && selfId !== null ? { _: "peerUser" as const, userId: selfId } : other;
      const update: TypeUpdate = {
        _: "updateNewMessage",
        pts,
        ptsCount,
        message: {
          _: "message",
          out: out === true,
          id,
          date,
          message,
          fromId: from,
          peerId: isChat ? { _: "peerChat", chatId: updates.chatId } : other,
          entities: updates.entities,
          replyTo: updates.replyTo,
          fwdFrom: updates.fwdFrom,
          ttlPeriod: updates.ttlPeriod,
        },
      };
      return { updates: [update], users: [], chats: [], source: "push" };
    }
    default:
      return null;
  }
}
