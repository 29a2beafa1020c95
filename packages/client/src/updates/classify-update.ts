import type { TypeUpdate } from "@mtkit/tl-core/api";

/**
 * Which sequence an update belongs to (https://core.telegram.org/api/updates#event-sequences):
 * the account's pts box (messages of private chats and basic groups, read marks ...), the qts box
 * (secret chats and some bot updates, one event each), one channel's pts box, or none (typing,
 * statuses: applied as they come).
 *
 * Read from the fields, not from a list of constructors, so that a constructor added in a later
 * layer with `pts`/`pts_count` is ordered too.
 */
export type UpdatePlace =
  | { readonly box: "pts"; readonly pts: number; readonly count: number }
  | { readonly box: "qts"; readonly qts: number }
  | { readonly box: "channel"; readonly channelId: bigint; readonly pts: number; readonly count: number }
  | { readonly box: "none" }
  /** A channel update whose channel cannot be told (e.g. messageEmpty without a peer). */
  | { readonly box: "unplaced"; readonly reason: string };

const NONE: UpdatePlace = { box: "none" };

export function classifyUpdate(update: TypeUpdate): UpdatePlace {
  const fields = update as unknown as UpdateFields;
  const pts = fields.pts;
  const count = fields.ptsCount;
  if (typeof pts === "number" && typeof count === "number") {
    const channelId = channelOf(update, fields);
    if (channelId === null) return { box: "unplaced", reason: `${update._} names no channel` };
    return channelId === undefined ? { box: "pts", pts, count } : { box: "channel", channelId, pts, count };
  }
  const qts = fields.qts;
  if (typeof qts === "number") return { box: "qts", qts };
  return NONE;
}

/** undefined: not a channel update; null: a channel update whose channel is unknown. */
function channelOf(update: TypeUpdate, fields: UpdateFields): bigint | undefined | null {
  if (update._ === "updateNewChannelMessage" || update._ === "updateEditChannelMessage") {
    const peer = update.message.peerId;
    return peer?._ === "peerChannel" ? peer.channelId : null;
  }
  const channelId = fields.channelId;
  return typeof channelId === "bigint" ? channelId : undefined;
}

/** updateChannelTooLong: the channel's box must be fetched with getChannelDifference. */
export function channelTooLongOf(
  update: TypeUpdate,
): { readonly channelId: bigint; readonly pts: number | undefined } | undefined {
  return update._ === "updateChannelTooLong" ? { channelId: update.channelId, pts: update.pts } : undefined;
}

/** The fields that place an update, read without knowing its constructor. */
interface UpdateFields {
  readonly pts?: unknown;
  readonly ptsCount?: unknown;
  readonly qts?: unknown;
  readonly channelId?: unknown;
}
