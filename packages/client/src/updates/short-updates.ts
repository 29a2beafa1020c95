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

/** The fields both short forms share, as the `message` of an updateNewMessage; only sender and chat differ. */
function newMessageFromShort(
  short: RawUpdateShortMessage | RawUpdateShortChatMessage,
  fromId: RawMessage["fromId"],
  peerId: RawMessage["peerId"],
): RawUpdateNewMessage {
  return {
    _: "updateNewMessage",
    message: {
      _: "message",
      ...flags(short),
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
    },
    pts: short.pts,
    ptsCount: short.ptsCount,
  };
}

/** Only the flags that are set: `false` flags stay absent, as the TL reader leaves them. */
function flags(short: RawUpdateShortMessage | RawUpdateShortChatMessage): {
  out?: boolean;
  mentioned?: boolean;
  mediaUnread?: boolean;
  silent?: boolean;
} {
  const set: { out?: boolean; mentioned?: boolean; mediaUnread?: boolean; silent?: boolean } = {};
  if (short.out === true) set.out = true;
  if (short.mentioned === true) set.mentioned = true;
  if (short.mediaUnread === true) set.mediaUnread = true;
  if (short.silent === true) set.silent = true;
  return set;
}
