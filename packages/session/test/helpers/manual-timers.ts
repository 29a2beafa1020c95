import type { DriverTimers } from "../../src/index.js";

/**
 * Driver timers run by hand, on a monotonic clock of their own, and a wall clock (`now`) that can
 * jump ahead of it: what a machine that slept looks like. Timers count monotonic time (as libuv's
 * do), so after a sleep they fire late by the wall clock.
 */
export class ManualTimers implements DriverTimers {
  private monotonicMs = 0;
  private wallOffsetMs = 1_780_000_000_000;
  private nextId = 1;
  private readonly due = new Map<number, { readonly at: number; readonly callback: () => void }>();

  readonly now = (): number => this.monotonicMs + this.wallOffsetMs;

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.due.set(id, { at: this.monotonicMs + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.due.delete(handle as number);
  }

  get pending(): number {
    return this.due.size;
  }

  /** Moves both clocks `ms` forward, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.monotonicMs + ms;
    for (;;) {
      let next: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.due)
        if (entry[1].at <= end && (next === undefined || entry[1].at < next[1].at)) next = entry;
      if (next === undefined) break;
      this.due.delete(next[0]);
      this.monotonicMs = next[1].at;
      next[1].callback();
    }
    this.monotonicMs = end;
  }

  /** The wall clock jumps `ms` ahead (the machine slept); no timer fires. */
  jump(ms: number): void {
    this.wallOffsetMs += ms;
  }
}
