import type { RawUpdates, RawUpdatesCombined } from "@mtkit/tl-core/api";
import { checkSeq } from "./box-check.js";

export type SeqContainer = RawUpdates | RawUpdatesCombined;

/**
 * The account's seq counter for `updates` / `updatesCombined`
 * (https://core.telegram.org/api/updates#updates-sequence): containers apply in seq order, old
 * ones are dropped, ones after a gap wait like pts events do. `seq = 0` containers are unordered.
 */
export class SeqBox {
  #seq: number;
  #date: number;
  #pending: SeqContainer[] = [];
  #gapSince: number | undefined;
  fetching = false;

  constructor(
    seq: number,
    date: number,
    private readonly maxPending: number,
  ) {
    this.#seq = seq;
    this.#date = date;
  }

  get seq(): number {
    return this.#seq;
  }

  get date(): number {
    return this.#date;
  }

  get gapSince(): number | undefined {
    return this.#gapSince;
  }

  set(seq: number, date: number): void {
    this.#seq = seq;
    this.#date = Math.max(this.#date, date);
  }

  /** What to process now, in order; `overflow` when too many waited (the difference must be fetched). */
  offer(container: SeqContainer, now: number): { readonly ready: readonly SeqContainer[]; readonly overflow: boolean } {
    if (this.fetching) return this.#hold(container, now);
    const start = startOf(container);
    switch (checkSeq(this.#seq, start)) {
      case "unordered":
        this.#date = Math.max(this.#date, container.date);
        return { ready: [container], overflow: false };
      case "apply":
        this.set(container.seq, container.date);
        return { ready: [container, ...this.drain(now)], overflow: false };
      case "duplicate":
        return { ready: [], overflow: false };
      case "gap":
        return this.#hold(container, now);
    }
  }

  drain(now: number): SeqContainer[] {
    const ready: SeqContainer[] = [];
    if (this.fetching) return ready;
    let index = 0;
    for (; index < this.#pending.length; index++) {
      const container = this.#pending[index]!;
      const verdict = checkSeq(this.#seq, startOf(container));
      if (verdict === "gap") break;
      if (verdict === "apply") {
        this.set(container.seq, container.date);
        ready.push(container);
      } else if (verdict === "unordered") {
        // Held only because a difference was being fetched: its pts/qts box decides, never the seq.
        // Dropping it here lost an event the difference had not covered (issue 10).
        this.#date = Math.max(this.#date, container.date);
        ready.push(container);
      }
    }
    this.#pending.splice(0, index);
    this.#gapSince = this.#pending.length === 0 ? undefined : (this.#gapSince ?? now);
    return ready;
  }

  /** A difference is being fetched: everything offered waits, and no gap timer runs for this box. */
  startFetch(): void {
    this.fetching = true;
    this.#gapSince = undefined;
  }

  /** The difference is applied: what waited is looked at again against the new state. */
  endFetch(now: number): SeqContainer[] {
    this.fetching = false;
    return this.drain(now);
  }

  clearPending(): void {
    this.#pending = [];
    this.#gapSince = undefined;
  }

  #hold(container: SeqContainer, now: number): { readonly ready: readonly SeqContainer[]; readonly overflow: boolean } {
    if (this.#pending.length >= this.maxPending) {
      this.clearPending();
      return { ready: [], overflow: true };
    }
    const start = startOf(container);
    let index = this.#pending.length;
    while (index > 0 && startOf(this.#pending[index - 1]!) > start) index--;
    this.#pending.splice(index, 0, container);
    if (!this.fetching) this.#gapSince ??= now;
    return { ready: [], overflow: false };
  }
}

function startOf(container: SeqContainer): number {
  return container._ === "updatesCombined" ? container.seqStart : container.seq;
}
