import type { TypeMessage, TypeMessageMedia, TypeUpdate } from "@mtkit/tl-core/api";
import type { BoxRef, LogEntry, Message } from "../world/types.js";
import { wireAction, wirePeer } from "./wire-objects.js";

/** How stored media is shown now (current file references); identity when no files are installed. */
export type MediaView = (media: TypeMessageMedia) => TypeMessageMedia;

/** https://core.telegram.org/constructor/message (or messageService) of one copy, as its owner sees it. */
export function wireMessage(message: Message, mediaView?: MediaView): TypeMessage {
  const common = {
    id: message.id,
    peerId: wirePeer(message.peer),
    date: message.date,
    // Incoming private messages carry no from_id: the peer is the sender.
    ...(message.fromId === undefined || (message.peer.kind === "user" && !message.out)
      ? {}
      : { fromId: wirePeer({ kind: "user", id: message.fromId }) }),
    ...(message.out ? { out: true } : {}),
    ...(message.silent ? { silent: true } : {}),
    ...(message.post ? { post: true } : {}),
    ...(message.replyToId === undefined
      ? {}
      : { replyTo: { _: "messageReplyHeader" as const, replyToMsgId: message.replyToId } }),
    ...(message.ttlPeriod === undefined ? {} : { ttlPeriod: message.ttlPeriod }),
  };
  if (message.action !== undefined) return { _: "messageService", ...common, action: wireAction(message.action) };
  return {
    _: "message",
    ...common,
    message: message.text,
    ...(message.entities === undefined ? {} : { entities: [...message.entities] }),
    ...(message.media === undefined
      ? {}
      : { media: mediaView === undefined ? message.media : mediaView(message.media) }),
    ...(message.replyMarkup === undefined ? {} : { replyMarkup: message.replyMarkup }),
    ...(message.groupedId === undefined ? {} : { groupedId: message.groupedId }),
    ...(message.editDate === undefined ? {} : { editDate: message.editDate }),
    ...(message.forward === undefined
      ? {}
      : {
          fwdFrom: {
            _: "messageFwdHeader" as const,
            date: message.forward.date,
            ...(message.forward.from === undefined ? {} : { fromId: wirePeer(message.forward.from) }),
            ...(message.forward.channelPost === undefined ? {} : { channelPost: message.forward.channelPost }),
          },
        }),
  };
}

/** The Update of one log entry of an account box or a channel box (https://core.telegram.org/api/updates). */
export function wireUpdate(box: BoxRef, entry: LogEntry, mediaView?: MediaView): TypeUpdate {
  const { pts, ptsCount, event } = entry;
  const channel = box.kind === "channel";
  switch (event.kind) {
    case "newMessage":
      return {
        _: channel ? "updateNewChannelMessage" : "updateNewMessage",
        message: wireMessage(event.message, mediaView),
        pts,
        ptsCount,
      };
    case "editMessage":
      return {
        _: channel ? "updateEditChannelMessage" : "updateEditMessage",
        message: wireMessage(event.message, mediaView),
        pts,
        ptsCount,
      };
    case "deleteMessages":
      return channel
        ? { _: "updateDeleteChannelMessages", channelId: box.id, messages: [...event.ids], pts, ptsCount }
        : { _: "updateDeleteMessages", messages: [...event.ids], pts, ptsCount };
    case "readInbox":
      return channel
        ? {
            _: "updateReadChannelInbox",
            channelId: box.id,
            maxId: event.maxId,
            stillUnreadCount: event.stillUnread,
            pts,
          }
        : {
            _: "updateReadHistoryInbox",
            peer: wirePeer(event.peer),
            maxId: event.maxId,
            stillUnreadCount: event.stillUnread,
            pts,
            ptsCount,
          };
    case "readOutbox":
      return channel
        ? { _: "updateReadChannelOutbox", channelId: box.id, maxId: event.maxId }
        : { _: "updateReadHistoryOutbox", peer: wirePeer(event.peer), maxId: event.maxId, pts, ptsCount };
  }
}
