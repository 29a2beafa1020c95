import type { DeadlineReason } from "./connection-deadlines.js";

export type LimitReason = DeadlineReason | "connection-cap" | "frame-budget";

/** How many connections each listener limit closed or refused. */
export class LimitCounters {
  private readonly counts = new Map<LimitReason, number>();

  add(reason: LimitReason): void {
    this.counts.set(reason, this.get(reason) + 1);
  }

  get(reason: LimitReason): number {
    return this.counts.get(reason) ?? 0;
  }

  toJSON(): Partial<Record<LimitReason, number>> {
    return Object.fromEntries(this.counts);
  }
}
