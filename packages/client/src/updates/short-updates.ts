import type {
  RawMessage,
  RawUpdateNewMessage,
  RawUpdateShortChatMessage,
  RawUpdateShortMessage,
} from "@mtkit/tl-core/api";

/**
 * updateShortMessage / updateShortChatMessage are a compact push of one new message
 * (https://core.telegram.org/api/updates#updates-sequence); consumers get the same
 * `updateNewMessage` they would get from a full `updates` or a difference.
 *
 * `selfId` fills `from_id` of our own outgoing private messages; unknown (before login), it is left out.
 */
export function normaliseShortMessage(short: RawUpdateShortMessage, selfId: bigint | undefined): RawUpdateNewMessage {
  const other = { _: "peerUser", userId: short.userId } as const;
  const from =
    short.out === true ? (selfId === undefined ? undefined : ({ _: "peerUser", userId: selfId } as const)) : other;
  return newMessageFromShort(short, from, other);
}

export function normaliseShortChatMessage(short: RawUpdateShortChatMessage): RawUpdateNewMessage {
  return newMessageFromShort(short, { _: "peerUser", userId: short.fromId }, { _: "peerChat", chatId: short.chatId });
}

/**
 * The fields both short forms share, as the `message` of an updateNewMessage; only sender and chat
 * differ. Built as one literal and the set flags added after (no object spread: this runs for every
 * pushed message, issue 10).
 */
function newMessageFromShort(
  short: RawUpdateShortMessage | RawUpdateShortChatMessage,
  fromId: RawMessage["fromId"],
  peerId: RawMessage["peerId"],
): RawUpdateNewMessage {
  const message: Writable<RawMessage> = {
    _: "message",
    id: short.id,
    fromId,
    peerId,
    fwdFrom: short.fwdFrom,
    viaBotId: short.viaBotId,
    replyTo: short.replyTo,
    date: short.date,
    message: short.message,
    entities: short.entities,
    ttlPeriod: short.ttlPeriod,
  };
  // Only the flags that are set: `false` flags stay absent, as the TL reader leaves them.
  if (short.out === true) message.out = true;
  if (short.mentioned === true) message.mentioned = true;
  if (short.mediaUnread === true) message.mediaUnread = true;
  if (short.silent === true) message.silent = true;
  return { _: "updateNewMessage", message, pts: short.pts, ptsCount: short.ptsCount };
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };
