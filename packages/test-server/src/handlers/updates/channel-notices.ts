import type { TypeChat, TypeUpdate, updates_TypeDifference } from "@mtkit/tl-core/api";
import { PeerSet } from "../../wire/peer-set.js";
import { isActiveMember } from "../../world/channels.js";
import { boxKey } from "../../world/peers.js";
import type { BoxRef } from "../../world/types.js";
import type { HandlerDeps } from "../handler-deps.js";

/** Log entries read per step while looking for where a channel stood at a date. */
const SCAN_PAGE = 100;

/**
 * Adds updateChannelTooLong to an account's difference for every channel it is in whose box moved
 * since the state the difference starts from (https://core.telegram.org/api/updates#recovering-gaps:
 * channel events are not in the common box, the client fetches them with getChannelDifference).
 *
 * The rule: a channel moved when its newest event is dated at or after the client's state `date`.
 * Posts are dated by the same clock as the states the server hands out, so every post after the
 * client's state is caught; a post in the very second of the state is named too, which costs the
 * client one empty getChannelDifference. `pts` is where the channel stood just before that date,
 * the start for a client that never saw the channel. Cost: one log read per channel dialog.
 */
export function withChannelNotices(
  deps: HandlerDeps,
  accountId: bigint,
  clientDate: number,
  difference: updates_TypeDifference,
): updates_TypeDifference {
  if (difference._ === "updates.differenceTooLong") return difference;
  const notices: TypeUpdate[] = [];
  const peers = new PeerSet();
  for (const dialog of deps.world.dialogs.all(accountId)) {
    const channelId = dialog.peer.id;
    if (dialog.peer.kind !== "channel" || !isActiveMember(deps.world.channels.member(channelId, accountId))) continue;
    const pts = ptsBefore(deps, { kind: "channel", id: channelId }, clientDate);
    if (pts === undefined) continue;
    notices.push({ _: "updateChannelTooLong", channelId, pts });
    peers.add(dialog.peer);
  }
  if (notices.length === 0) return difference;
  const { chats } = deps.wire.peers(accountId, peers);
  if (difference._ === "updates.differenceEmpty") {
    const box = deps.world.boxes.account(accountId);
    return {
      _: "updates.difference",
      newMessages: [],
      newEncryptedMessages: [],
      otherUpdates: notices,
      users: [],
      chats,
      state: deps.wire.state({ ...box, date: difference.date }, 0),
    };
  }
  return {
    ...difference,
    otherUpdates: [...difference.otherUpdates, ...notices],
    chats: [...difference.chats, ...chats.filter((chat) => !difference.chats.some((known) => sameChat(known, chat)))],
  };
}

/**
 * The channel's pts just before `date`, or undefined when nothing happened in it since. Reads the
 * log newest first, at most `channelTooLongAfter` entries: a channel that moved more than that
 * starts from a pts its getChannelDifference answers with channelDifferenceTooLong.
 */
function ptsBefore(deps: HandlerDeps, box: BoxRef, date: number): number | undefined {
  const log = deps.world.store.table("log");
  const key = boxKey(box);
  const current = deps.world.boxes.channelPts(box.id);
  let below: number | undefined;
  let start: number | undefined;
  let scanned = 0;
  for (;;) {
    const page = log.scan(key, { reverse: true, limit: SCAN_PAGE, ...(below === undefined ? {} : { below }) });
    for (const entry of page) {
      if (entry.date < date) return entry.pts === current ? undefined : entry.pts;
      below = entry.pts;
      start = entry.pts - entry.ptsCount;
    }
    scanned += page.length;
    // The whole log is newer than the date: the channel began after it, from its first pts.
    if (page.length < SCAN_PAGE) return start;
    if (scanned > deps.limits.channelTooLongAfter) return Math.max(1, current - deps.limits.channelTooLongAfter - 1);
  }
}

function sameChat(a: TypeChat, b: TypeChat): boolean {
  return a._ === b._ && a.id === b.id;
}
