import { SessionError } from "../errors.js";
import type { DriverTimers } from "./transport.js";

interface Waiter {
  resolve(): void;
  reject(error: SessionError): void;
}

/** `ping()` calls waiting for their pong, by ping_id; settling always clears the timeout. */
export class PingWaiters {
  private readonly map = new Map<bigint, Waiter>();

  constructor(
    private readonly timers: DriverTimers,
    private readonly now: () => number,
  ) {}

  /** Resolves with the round-trip time when `resolve(pingId)` is called; TIMEOUT after `timeoutMs`. */
  add(pingId: bigint, timeoutMs: number): Promise<number> {
    const started = this.now();
    return new Promise<number>((resolve, reject) => {
      const timer = this.timers.setTimeout(() => {
        this.map.delete(pingId);
        reject(new SessionError("TIMEOUT", "no pong"));
      }, timeoutMs);
      this.map.set(pingId, {
        resolve: () => {
          this.timers.clearTimeout(timer);
          resolve(this.now() - started);
        },
        reject: (error) => {
          this.timers.clearTimeout(timer);
          reject(error);
        },
      });
    });
  }

  resolve(pingId: bigint): void {
    const waiter = this.map.get(pingId);
    if (waiter === undefined) return;
    this.map.delete(pingId);
    waiter.resolve();
  }

  rejectAll(error: SessionError): void {
    const waiters = [...this.map.values()];
    this.map.clear();
    for (const waiter of waiters) waiter.reject(error);
  }

  get size(): number {
    return this.map.size;
  }
}
