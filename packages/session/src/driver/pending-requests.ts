import { SessionError } from "../errors.js";
import type { DriverTimers } from "./transport.js";

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  cleanup(): void;
}

/** Promises of in-flight requests by request id; settling always clears their timer and listener. */
export class PendingRequests {
  private readonly map = new Map<number, Pending>();

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
    let timer: unknown;
    const onAbort = (): void => {
      options.onCancel(new SessionError("ABORTED", "request aborted", options.signal?.reason));
    };
    if (options.timeoutMs !== undefined && options.timeoutMs > 0 && Number.isFinite(options.timeoutMs)) {
      timer = this.timers.setTimeout(() => {
        options.onCancel(new SessionError("TIMEOUT", `no answer within ${options.timeoutMs} ms`));
      }, options.timeoutMs);
    }
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const cleanup = (): void => {
      if (timer !== undefined) this.timers.clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
    };
    this.map.set(requestId, { resolve, reject, cleanup });
  }

  resolve(requestId: number, value: unknown): void {
    const p = this.map.get(requestId);
    if (p === undefined) return;
    this.map.delete(requestId);
    p.cleanup();
    p.resolve(value);
  }

  reject(requestId: number, error: unknown): void {
    const p = this.map.get(requestId);
    if (p === undefined) return;
    this.map.delete(requestId);
    p.cleanup();
    p.reject(error);
  }

  rejectAll(error: unknown): void {
    for (const id of [...this.map.keys()]) this.reject(id, error);
  }

  get size(): number {
    return this.map.size;
  }
}
