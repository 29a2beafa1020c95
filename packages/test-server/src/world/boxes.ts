import type { WorldStore } from "../store/world-store.js";
import { boxKey, idKey } from "./peers.js";
import type { WorldChange } from "./world-change.js";
import { seconds, type WorldEnv } from "./world-clock.js";
import type { AccountBox, BoxEvent, BoxRef, LogEntry } from "./types.js";

const EMPTY_BOX: AccountBox = { pts: 1, qts: 0, seq: 0, date: 0, lastMessageId: 0 };

/**
 * Update boxes (https://core.telegram.org/api/updates): one pts box per account (with qts, seq and
 * the account's message ids) and one per channel. Every pts event is appended to the box's log, so
 * an offline session reads what it missed with getDifference / getChannelDifference.
 */
export class Boxes {
  constructor(
    private readonly store: WorldStore,
    private readonly env: WorldEnv,
    private readonly emit: (change: WorldChange) => void,
  ) {}

  account(id: bigint): AccountBox {
    return this.store.table("boxes").get("", idKey(id)) ?? { ...EMPTY_BOX, date: seconds(this.env) };
  }

  channelPts(id: bigint): number {
    return this.store.table("channelPts").get("", idKey(id))?.pts ?? 1;
  }

  /** Reserves the next message id of an account (private and basic-group copies share one sequence). */
  nextMessageId(accountId: bigint): number {
    const box = this.account(accountId);
    this.store.table("boxes").put("", idKey(accountId), { ...box, lastMessageId: box.lastMessageId + 1 });
    return box.lastMessageId + 1;
  }

  /** Bumps the account's seq for one `updates`/`updatesCombined` and returns it. */
  nextSeq(accountId: bigint): number {
    const box = this.account(accountId);
    const seq = box.seq + 1;
    this.store.table("boxes").put("", idKey(accountId), { ...box, seq, date: seconds(this.env) });
    return seq;
  }

  /** Appends pts events (each `ptsCount` = its weight) to a box and announces them. */
  append(box: BoxRef, events: readonly { readonly event: BoxEvent; readonly ptsCount: number }[]): LogEntry[] {
    if (events.length === 0) return [];
    const date = seconds(this.env);
    let pts = box.kind === "account" ? this.account(box.id).pts : this.channelPts(box.id);
    const entries: LogEntry[] = [];
    const log = this.store.table("log");
    for (const { event, ptsCount } of events) {
      pts += ptsCount;
      const entry: LogEntry = { pts, ptsCount, date, event };
      log.put(boxKey(box), pts, entry);
      entries.push(entry);
    }
    if (box.kind === "account")
      this.store.table("boxes").put("", idKey(box.id), { ...this.account(box.id), pts, date });
    else this.store.table("channelPts").put("", idKey(box.id), { pts });
    this.emit({ kind: "box", box, entries });
    return entries;
  }

  /** Log entries after `pts`, oldest first. */
  entriesAfter(box: BoxRef, pts: number, limit: number): LogEntry[] {
    return this.store.table("log").scan(boxKey(box), { above: pts, limit });
  }
}
