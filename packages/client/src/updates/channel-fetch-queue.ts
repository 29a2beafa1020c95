import type { FetchSummary } from "./difference-runner.js";
import type { UpdatesFetchReason } from "./updates-events.js";

interface Waiting {
  readonly reason: UpdatesFetchReason;
  readonly promise: Promise<FetchSummary>;
  readonly resolve: (summary: FetchSummary) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * getChannelDifference runs for many channels at once (a catch-up checks every channel whose pts we
 * keep), but never more than `concurrency` at a time and never two for one channel: each channel's
 * box is frozen while its difference is fetched (https://core.telegram.org/api/updates#recovering-gaps).
 * Asking for a channel that waits joins the waiting fetch; asking for one that runs queues one more
 * after it (the running one may have passed the gap just noticed), unless the caller only needs
 * a fetch that starts no earlier than now (`joinRunning`).
 */
export class ChannelFetchQueue {
  readonly #waiting = new Map<bigint, Waiting>();
  readonly #running = new Map<bigint, Promise<FetchSummary>>();
  #idle: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly run: (channelId: bigint, reason: UpdatesFetchReason) => Promise<FetchSummary>,
  ) {}

  /** Channels fetching or waiting to. */
  get size(): number {
    return this.#waiting.size + this.#running.size;
  }

  /** Resolves once no fetch runs or waits (after a disconnect, every one ends soon). */
  idle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  request(channelId: bigint, reason: UpdatesFetchReason, joinRunning = false): Promise<FetchSummary> {
    const waiting = this.#waiting.get(channelId);
    if (waiting !== undefined) return waiting.promise;
    const running = this.#running.get(channelId);
    if (running !== undefined && joinRunning) return running;
    let resolve: (summary: FetchSummary) => void = () => undefined;
    let reject: (error: unknown) => void = () => undefined;
    const promise = new Promise<FetchSummary>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.#waiting.set(channelId, { reason, promise, resolve, reject });
    this.#pump();
    return promise;
  }

  #pump(): void {
    for (const [channelId, waiting] of this.#waiting) {
      if (this.#running.size >= this.concurrency) return;
      if (this.#running.has(channelId)) continue;
      this.#waiting.delete(channelId);
      const run = this.run(channelId, waiting.reason);
      this.#running.set(channelId, waiting.promise);
      run.then(waiting.resolve, waiting.reject).finally(() => {
        this.#running.delete(channelId);
        this.#pump();
        if (this.size === 0) {
          const idle = this.#idle;
          this.#idle = [];
          for (const resolve of idle) resolve();
        }
      });
    }
  }
}
