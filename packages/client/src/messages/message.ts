import type {
  RawMessage,
  RawMessageService,
  TypeChat,
  TypeMessage,
  TypeMessageEntity,
  TypePeer,
} from "@mtkit/tl-core/api";
import { markPeerId } from "../peers/marked-peer-id.js";

/** Where a message was posted. A supergroup is a channel with `megagroup` (https://core.telegram.org/api/channel). */
export type ChatType = "private" | "group" | "supergroup" | "channel";

/**
 * A message as a plain, readonly object: ids are Bot API ("marked") numbers
 * (https://core.telegram.org/api/bots/ids), so every field except `raw` survives JSON; the whole
 * object survives `structuredClone` (worker messages, job queues). `raw` is the TL object as
 * received (use `stringifyTl` of `@mtkit/tl-core` to put it in JSON).
 */
export interface Message {
  readonly id: number;
  /** The chat: the other user in a private chat (or yourself in Saved Messages), else the group or channel. */
  readonly chatId: number;
  readonly chatType: ChatType;
  /** Who sent it; null for anonymous channel posts. */
  readonly senderId: number | null;
  /** Unix seconds. */
  readonly date: number;
  readonly text: string;
  /** Offsets in UTF-16 code units, as Telegram counts them. */
  readonly entities: readonly TypeMessageEntity[];
  /** Sent by this account. */
  readonly outgoing: boolean;
  readonly replyToId: number | null;
  readonly editDate: number | null;
  /** Seconds after `date` when the server deletes it (the chat's auto-delete timer at sending time). */
  readonly ttlPeriod: number | null;
  /** A service message (member joined, title changed...); `text` is empty. */
  readonly service: boolean;
  readonly raw: RawMessage | RawMessageService;
}

/** The marked id of a TL peer. */
export function peerId(peer: TypePeer): number {
  switch (peer._) {
    case "peerUser":
      return Number(markPeerId("user", peer.userId));
    case "peerChat":
      return Number(markPeerId("chat", peer.chatId));
    case "peerChannel":
      return Number(markPeerId("channel", peer.channelId));
  }
}

/** Channels of an answer by id, to tell supergroups from broadcast channels. */
export type ChatIndex = ReadonlyMap<bigint, TypeChat>;

export function indexChats(chats: readonly TypeChat[]): ChatIndex {
  return new Map(chats.map((chat) => [chat.id, chat]));
}

function chatTypeOf(raw: RawMessage | RawMessageService, chats: ChatIndex): ChatType {
  const peer = raw.peerId;
  if (peer._ === "peerUser") return "private";
  if (peer._ === "peerChat") return "group";
  const channel = chats.get(peer.channelId);
  if (channel?._ === "channel") return channel.megagroup === true ? "supergroup" : "channel";
  // Not in the answer: a post (no sender of its own) is the sign of a broadcast channel.
  return raw.post === true ? "channel" : "supergroup";
}

/** A TL message to a `Message`; `messageEmpty` (a deleted or unknown id) gives null. */
export function messageFromTl(raw: TypeMessage, chats: ChatIndex, selfId: number | null = null): Message | null {
  if (raw._ === "messageEmpty") return null;
  const isService = raw._ === "messageService";
  const outgoing = raw.out === true;
  const chatId = peerId(raw.peerId);
  // Private messages may carry no from_id: the sender is then the chat (incoming) or this account (outgoing).
  const senderId =
    raw.fromId !== undefined ? peerId(raw.fromId) : raw.peerId._ !== "peerUser" ? null : outgoing ? selfId : chatId;
  const reply = raw.replyTo;
  return {
    id: raw.id,
    chatId,
    chatType: chatTypeOf(raw, chats),
    senderId,
    date: raw.date,
    text: isService ? "" : raw.message,
    entities: isService ? [] : (raw.entities ?? []),
    outgoing,
    replyToId: reply?._ === "messageReplyHeader" ? (reply.replyToMsgId ?? null) : null,
    editDate: isService ? null : (raw.editDate ?? null),
    ttlPeriod: raw.ttlPeriod ?? null,
    service: isService,
    raw,
  };
}

/** Every message of a list answer, with its chats for the chat type. */
export function messagesFromTl(
  list: readonly TypeMessage[],
  chats: readonly TypeChat[],
  selfId: number | null = null,
): Message[] {
  const index = indexChats(chats);
  return list.flatMap((raw) => messageFromTl(raw, index, selfId) ?? []);
}
