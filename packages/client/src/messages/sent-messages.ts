import type {
  RawMessage,
  TypeInputPeer,
  TypeMessageEntity,
  TypePeer,
  TypeUpdate,
  TypeUpdates,
} from "@mtkit/tl-core/api";
import { indexChats, messageFromTl, type Message } from "./message.js";
import { UnexpectedAnswerError } from "./unexpected-answer-error.js";

/** The Peer an input peer names (`inputPeerSelf` needs our own id). */
export function peerOfInput(input: TypeInputPeer, selfId: bigint | null): TypePeer | null {
  switch (input._) {
    case "inputPeerUser":
    case "inputPeerUserFromMessage":
      return { _: "peerUser", userId: input.userId };
    case "inputPeerChat":
      return { _: "peerChat", chatId: input.chatId };
    case "inputPeerChannel":
    case "inputPeerChannelFromMessage":
      return { _: "peerChannel", channelId: input.channelId };
    case "inputPeerSelf":
      return selfId === null ? null : { _: "peerUser", userId: selfId };
    default:
      return null;
  }
}

function newMessageOf(update: TypeUpdate): RawMessage | null {
  if (
    update._ !== "updateNewMessage" &&
    update._ !== "updateNewChannelMessage" &&
    update._ !== "updateNewScheduledMessage"
  )
    return null;
  return update.message._ === "message" ? update.message : null;
}

/**
 * The messages a send created, in `randomIds` order: the server maps each random_id to a message id
 * with updateMessageID, then carries the message in updateNew(Channel)Message
 * (https://core.telegram.org/api/updates#updates-sequence).
 */
export function sentMessagesFromUpdates(
  answer: TypeUpdates,
  randomIds: readonly bigint[],
  method: string,
  selfId: number | null,
): Message[] {
  if (answer._ !== "updates" && answer._ !== "updatesCombined" && answer._ !== "updateShort") {
    throw new UnexpectedAnswerError(method, `expected Updates with the new messages, got ${answer._}`);
  }
  const updates = answer._ === "updateShort" ? [answer.update] : answer.updates;
  const chats = answer._ === "updateShort" ? [] : answer.chats;
  const idByRandom = new Map<bigint, number>();
  const byId = new Map<number, RawMessage>();
  for (const update of updates) {
    if (update._ === "updateMessageID") idByRandom.set(update.randomId, update.id);
    const message = newMessageOf(update);
    if (message !== null) byId.set(message.id, message);
  }
  const index = indexChats(chats);
  return randomIds.map((randomId) => {
    const id = idByRandom.get(randomId);
    const raw = id === undefined ? undefined : byId.get(id);
    if (raw === undefined)
      throw new UnexpectedAnswerError(method, `no message for random_id ${String(randomId)} in the answer`);
    const message = messageFromTl(raw, index, selfId);
    if (message === null) throw new UnexpectedAnswerError(method, "the new message is empty");
    return message;
  });
}

/** What a text send put on the wire, to rebuild the message from an updateShortSentMessage. */
export interface SentText {
  readonly peer: TypeInputPeer;
  readonly text: string;
  readonly entities: readonly TypeMessageEntity[];
  readonly replyToId: number | undefined;
  readonly silent: boolean;
}

/** The sent message, from either answer: the short form carries only id, date and what the server changed. */
export function sentTextMessage(answer: TypeUpdates, sent: SentText, randomId: bigint, selfId: number | null): Message {
  if (answer._ !== "updateShortSentMessage") {
    const [message] = sentMessagesFromUpdates(answer, [randomId], "messages.sendMessage", selfId);
    if (message === undefined) throw new UnexpectedAnswerError("messages.sendMessage", "no message in the answer");
    return message;
  }
  const self = selfId === null ? null : BigInt(selfId);
  const peerId = peerOfInput(sent.peer, self);
  if (peerId === null)
    throw new UnexpectedAnswerError("messages.sendMessage", `cannot tell the chat of ${sent.peer._}`);
  const raw: RawMessage = {
    _: "message",
    out: true,
    silent: sent.silent,
    id: answer.id,
    ...(self === null ? {} : { fromId: { _: "peerUser", userId: self } }),
    peerId,
    date: answer.date,
    message: sent.text,
    media: answer.media,
    // The server returns entities only when it changed them (links it found); else ours stand.
    entities: answer.entities ?? (sent.entities.length === 0 ? undefined : [...sent.entities]),
    replyTo: sent.replyToId === undefined ? undefined : { _: "messageReplyHeader", replyToMsgId: sent.replyToId },
    ttlPeriod: answer.ttlPeriod,
  };
  const message = messageFromTl(raw, new Map(), selfId);
  if (message === null) throw new UnexpectedAnswerError("messages.sendMessage", "the sent message is empty");
  return message;
}
