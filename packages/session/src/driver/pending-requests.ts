import { SessionError } from "../errors.js";
import type { DriverTimers } from "./transport.js";

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  /** When the request times out (the timers' clock), or Infinity. */
  readonly deadline: number;
  readonly expire: () => void;
  /** A per-request timer (only with timers that have no clock). */
  readonly timer: unknown;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: (() => void) | undefined;
}

/**
 * Promises of in-flight requests by request id; settling always clears their timer and listener.
 * With a clock (`DriverTimers.now`, the real timers), every deadline shares one timer armed for the
 * earliest: a request costs no timer of its own, so one call at a time no longer creates and
 * destroys a Node timer list per call. The timer fires at the earliest deadline, expires what is
 * due and re-arms for the next; settled requests just leave the map.
 */
export class PendingRequests {
  private readonly map = new Map<number, Pending>();
  private sweep: unknown;
  /** The deadline `sweep` is armed for (Infinity: not armed). */
  private sweepAt = Infinity;

  constructor(private readonly timers: DriverTimers) {}

  add(
    requestId: number,
    resolve: (value: unknown) => void,
    reject: (error: unknown) => void,
    options: {
      timeoutMs: number | undefined;
      signal: AbortSignal | undefined;
      onCancel: (reason: SessionError) => void;
    },
  ): void {
    const { timeoutMs, signal, onCancel } = options;
    const timed = timeoutMs !== undefined && timeoutMs > 0 && Number.isFinite(timeoutMs);
    const expire = (): void => {
      onCancel(new SessionError("TIMEOUT", `no answer within ${String(timeoutMs)} ms`));
    };
    const now = this.timers.now;
    let deadline = Infinity;
    let timer: unknown;
    if (timed && now !== undefined) {
      deadline = now() + timeoutMs;
      if (deadline < this.sweepAt) this.arm(deadline, now());
    } else if (timed) {
      timer = this.timers.setTimeout(expire, timeoutMs);
    }
    const onAbort =
      signal === undefined
        ? undefined
        : (): void => {
            onCancel(new SessionError("ABORTED", "request aborted", signal.reason));
          };
    if (onAbort !== undefined) signal?.addEventListener("abort", onAbort, { once: true });
    this.map.set(requestId, { resolve, reject, deadline, expire, timer, signal, onAbort });
  }

  resolve(requestId: number, value: unknown): void {
    const p = this.take(requestId);
    p?.resolve(value);
  }

  reject(requestId: number, error: unknown): void {
    const p = this.take(requestId);
    p?.reject(error);
  }

  rejectAll(error: unknown): void {
    for (const id of [...this.map.keys()]) this.reject(id, error);
    // Nothing is left to expire: a closed driver keeps no timer.
    if (this.sweep !== undefined) this.timers.clearTimeout(this.sweep);
    this.sweep = undefined;
    this.sweepAt = Infinity;
  }

  get size(): number {
    return this.map.size;
  }

  private take(requestId: number): Pending | undefined {
    const p = this.map.get(requestId);
    if (p === undefined) return undefined;
    this.map.delete(requestId);
    if (p.timer !== undefined) this.timers.clearTimeout(p.timer);
    if (p.onAbort !== undefined) p.signal?.removeEventListener("abort", p.onAbort);
    return p;
  }

  private arm(deadline: number, now: number): void {
    if (this.sweep !== undefined) this.timers.clearTimeout(this.sweep);
    this.sweepAt = deadline;
    this.sweep = this.timers.setTimeout(
      () => {
        this.expireDue();
      },
      Math.max(1, Math.ceil(deadline - now)),
    );
  }

  /** Expires every request whose deadline passed, then re-arms for the earliest one left. */
  private expireDue(): void {
    this.sweep = undefined;
    this.sweepAt = Infinity;
    const now = this.timers.now!();
    const due: Pending[] = [];
    let next = Infinity;
    for (const p of this.map.values()) {
      if (p.deadline <= now) due.push(p);
      else if (p.deadline < next) next = p.deadline;
    }
    // Each expiry removes its request (the driver's onCancel rejects it); re-armed before, so a
    // request added by an expiry's callback finds the timer's state consistent.
    if (next !== Infinity) this.arm(next, now);
    for (const p of due) p.expire();
  }
}
