import type { BoxRef, LogEntry } from "./types.js";

/**
 * What a world operation changed, in the order it happened: pts events appended to a box (an
 * account's or a channel's), or a notice without pts. The push layer turns them into updates for the
 * online sessions; offline ones read the same entries from the log later (getDifference).
 */
export type WorldChange =
  | { readonly kind: "box"; readonly box: BoxRef; readonly entries: readonly LogEntry[] }
  | { readonly kind: "chatParticipants"; readonly chatId: bigint; readonly accountIds: readonly bigint[] }
  | { readonly kind: "channelChanged"; readonly channelId: bigint; readonly accountIds: readonly bigint[] };

export type WorldListener = (change: WorldChange) => void;
