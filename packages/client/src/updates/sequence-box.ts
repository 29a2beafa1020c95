import type { TypeChat, TypeUpdate, TypeUser } from "@mtkit/tl-core/api";
import { checkPts } from "./box-check.js";

/** One event of a pts or qts box, with the users and chats of the object that carried it. */
export interface BoxEntry {
  /** undefined: an event that only moves the box (messages.affectedMessages, updateShortSentMessage). */
  readonly update: TypeUpdate | undefined;
  readonly pts: number;
  readonly count: number;
  readonly users: readonly TypeUser[];
  readonly chats: readonly TypeChat[];
}

export interface OfferResult {
  /** What applies now, in box order (the offered entry, then any waiting entries it unblocked). */
  readonly applied: readonly BoxEntry[];
  /** More than `maxPending` entries waited for a gap: they were dropped and the difference must be fetched. */
  readonly overflow: boolean;
}

const NOTHING: OfferResult = { applied: [], overflow: false };

/**
 * One pts (or qts) box (https://core.telegram.org/api/updates#event-sequences): applies events in
 * order, drops the ones already applied, and holds the ones after a gap until the gap fills or a
 * difference replaces them. While a difference is being fetched everything offered waits.
 * Sans-IO: time comes in as arguments, nothing here schedules anything.
 */
export class SequenceBox {
  #local: number | undefined;
  /** Sorted by the pts the entry starts from (pts - count). */
  #pending: BoxEntry[] = [];
  #gapSince: number | undefined;
  fetching = false;

  constructor(
    local: number | undefined,
    private readonly maxPending: number,
  ) {
    this.#local = local;
  }

  /** undefined for a channel box that has never seen an event. */
  get local(): number | undefined {
    return this.#local;
  }

  /** When the oldest unfilled gap was noticed (ms), undefined when nothing waits. */
  get gapSince(): number | undefined {
    return this.#gapSince;
  }

  get pendingCount(): number {
    return this.#pending.length;
  }

  /** The state a difference answered with. Waiting entries are looked at again by `drain`. */
  set(local: number): void {
    this.#local = local;
  }

  offer(entry: BoxEntry, now: number): OfferResult {
    const local = this.#local;
    if (this.fetching) return this.#hold(entry, now);
    if (local === undefined) {
      // A box never seen before (a channel we just met): its first event is the starting point.
      this.#local = entry.pts;
      return { applied: [entry, ...this.drain(now)], overflow: false };
    }
    switch (checkPts(local, entry.pts, entry.count)) {
      case "apply":
        this.#local = entry.pts;
        return { applied: [entry, ...this.drain(now)], overflow: false };
      case "duplicate":
        return NOTHING;
      case "gap":
        return this.#hold(entry, now);
    }
  }

  /** Applies the waiting entries that now fit, drops the ones already covered, keeps the rest. */
  drain(now: number): BoxEntry[] {
    const applied: BoxEntry[] = [];
    const local = this.#local;
    if (local === undefined || this.fetching) return applied;
    let at = local;
    let index = 0;
    for (; index < this.#pending.length; index++) {
      const entry = this.#pending[index]!;
      const verdict = checkPts(at, entry.pts, entry.count);
      if (verdict === "gap") break;
      if (verdict === "apply") {
        at = entry.pts;
        applied.push(entry);
      }
    }
    this.#pending.splice(0, index);
    this.#local = at;
    this.#gapSince = this.#pending.length === 0 ? undefined : (this.#gapSince ?? now);
    return applied;
  }

  /** Forgets what waits (the difference about to be fetched covers it). */
  /** A difference is being fetched: everything offered waits, and no gap timer runs for this box. */
  startFetch(): void {
    this.fetching = true;
    this.#gapSince = undefined;
  }

  /** The difference is applied: what waited is looked at again against the new state. */
  endFetch(now: number): BoxEntry[] {
    this.fetching = false;
    return this.drain(now);
  }

  clearPending(): void {
    this.#pending = [];
    this.#gapSince = undefined;
  }

  #hold(entry: BoxEntry, now: number): OfferResult {
    if (this.#pending.length >= this.maxPending) {
      this.clearPending();
      return { applied: [], overflow: true };
    }
    const start = entry.pts - entry.count;
    let index = this.#pending.length;
    while (index > 0 && this.#pending[index - 1]!.pts - this.#pending[index - 1]!.count > start) index--;
    this.#pending.splice(index, 0, entry);
    if (!this.fetching) this.#gapSince ??= now;
    return NOTHING;
  }
}
