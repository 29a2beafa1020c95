import type { DriverTimers, LongPollSource } from "./transport.js";

export interface HttpWaitOptions {
  /** max_wait of each http_wait: how long the server may hold the poll (ms). Default 25 000, the spec's. */
  readonly maxWaitMs?: number;
  /**
   * A poll that came back empty sooner than this (ms) is not renewed before this much time passed
   * since it went out: a server that does not hold polls must not turn them into a busy loop. Default 1000.
   */
  readonly minPollGapMs?: number;
}

export interface HttpWaitPollerDeps {
  readonly now: () => number;
  readonly timers: DriverTimers;
  /** Queues one http_wait and flushes it (with whatever else is pending). */
  readonly sendPoll: (maxWaitMs: number) => void;
}

/**
 * Keeps one long poll outstanding on a request-response transport
 * (https://core.telegram.org/mtproto/transports#http and
 * https://core.telegram.org/mtproto/service_messages#long-poll-http-wait): each time the transport has
 * no request left, a new http_wait goes out, so what the server pushes (updates, late answers) has an
 * HTTP answer to travel in. Never a busy loop: see `minPollGapMs`.
 */
export class HttpWaitPoller {
  private readonly maxWaitMs: number;
  private readonly minPollGapMs: number;
  private running = false;
  private outstanding = false;
  private lastPollAt = Number.NEGATIVE_INFINITY;
  private receivedSincePoll = false;
  private timer: unknown;
  private readonly unsubscribe: () => void;

  constructor(
    source: LongPollSource,
    options: HttpWaitOptions,
    private readonly deps: HttpWaitPollerDeps,
  ) {
    this.maxWaitMs = options.maxWaitMs ?? 25_000;
    this.minPollGapMs = options.minPollGapMs ?? 1000;
    this.unsubscribe = source.onIdle(() => {
      this.outstanding = false;
      this.poll();
    });
  }

  /** A connection is up: the first poll goes out now. */
  start(): void {
    this.running = true;
    this.outstanding = false;
    this.poll();
  }

  /** Something arrived: the next poll may follow at once. */
  received(): void {
    this.receivedSincePoll = true;
  }

  /** The connection is down: no poll until `start()`. */
  stop(): void {
    this.running = false;
    this.clearTimer();
  }

  /** For good (driver closed). */
  dispose(): void {
    this.stop();
    this.unsubscribe();
  }

  private poll(): void {
    if (!this.running || this.outstanding || this.timer !== undefined) return;
    const sinceLast = this.deps.now() - this.lastPollAt;
    if (!this.receivedSincePoll && sinceLast < this.minPollGapMs) {
      this.timer = this.deps.timers.setTimeout(() => {
        this.timer = undefined;
        this.poll();
      }, this.minPollGapMs - sinceLast);
      return;
    }
    this.outstanding = true;
    this.receivedSincePoll = false;
    this.lastPollAt = this.deps.now();
    this.deps.sendPoll(this.maxWaitMs);
  }

  private clearTimer(): void {
    if (this.timer === undefined) return;
    this.deps.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
