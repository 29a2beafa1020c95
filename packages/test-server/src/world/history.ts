import type { WorldStore } from "../store/world-store.js";
import { historyGroup } from "./peers.js";
import type { Message, PeerRef } from "./types.js";

/** The paging parameters of messages.getHistory (https://core.telegram.org/api/offsets). */
export interface HistoryQuery {
  readonly offsetId: number;
  readonly offsetDate: number;
  readonly addOffset: number;
  readonly limit: number;
  readonly maxId: number;
  readonly minId: number;
}

export interface HistoryPage {
  /** Newest first. */
  readonly messages: Message[];
  /** Messages in the whole history. */
  readonly count: number;
  /** Index in the newest-first history of the first message returned. */
  readonly offsetIdOffset: number;
}

/**
 * One page of a history, newest first: start at the first message older than `offset_id` (or than
 * `offset_date`), move by `add_offset` (negative reaches newer ones), take `limit`, and keep only ids
 * strictly between `min_id` and `max_id` (0 = no bound), as https://core.telegram.org/api/offsets says.
 */
export function historyPage(
  store: WorldStore,
  ownerId: bigint | undefined,
  peer: PeerRef,
  query: HistoryQuery,
): HistoryPage {
  const table = store.table("messages");
  const group = historyGroup(ownerId, peer);
  const count = table.count(group);
  const limit = Math.max(0, Math.min(query.limit, 100));
  const bounds = {
    ...(query.minId > 0 ? { above: query.minId } : {}),
    ...(query.maxId > 0 ? { below: query.maxId } : {}),
  };
  let position = 0;
  if (query.offsetId > 0)
    position = table.count(group, { ...bounds, above: Math.max(query.offsetId - 1, query.minId) });
  else if (query.offsetDate > 0)
    position = newerThanDate(table.scan(group, { ...bounds, reverse: true }), query.offsetDate);
  let start = position + query.addOffset;
  let take = limit;
  if (start < 0) {
    take = Math.max(0, take + start);
    start = 0;
  }
  const messages = table.scan(group, { ...bounds, reverse: true, skip: start, limit: take });
  return { messages, count, offsetIdOffset: start };
}

/** How many messages (newest first) have a date at or after `date`. */
function newerThanDate(newestFirst: readonly Message[], date: number): number {
  let index = 0;
  while (index < newestFirst.length && newestFirst[index]!.date >= date) index++;
  return index;
}
