import { HttpTransportError } from "./errors.js";

/**
 * Bounded concurrency for HTTP requests: at most `limit` at once (browsers allow ~6 per host, and one
 * of ours is usually a held long poll), at most `maxQueued` waiting; more is refused, never buffered
 * without bound.
 */
export class RequestSlots {
  private running = 0;
  private readonly waiting: { resolve: () => void; reject: (error: Error) => void }[] = [];

  constructor(
    private readonly limit: number,
    private readonly maxQueued: number,
  ) {}

  /** Requests running plus waiting. */
  get busy(): number {
    return this.running + this.waiting.length;
  }

  /** Resolves when a slot is free; call `release()` once per resolved acquire. */
  acquire(): Promise<void> {
    if (this.running < this.limit) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.maxQueued)
      return Promise.reject(new HttpTransportError("CLOSED", `more than ${this.maxQueued} requests waiting`));
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
    });
  }

  release(): void {
    const next = this.waiting.shift();
    if (next === undefined) this.running--;
    else next.resolve(); // the slot passes straight on
  }

  /** Fails every waiting acquire (the transport closed). */
  rejectWaiting(error: Error): void {
    for (const waiter of this.waiting.splice(0)) waiter.reject(error);
  }
}
