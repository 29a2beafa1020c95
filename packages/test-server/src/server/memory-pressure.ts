/**
 * Whether the process is near its memory budget, by resident set size (what the budget of issue 13
 * is about: the V8 heap, ArrayBuffers, sockets and code together). RSS is read at most every
 * `intervalMs`, so asking on every accept costs nothing under a flood.
 */
export class MemoryPressure {
  private sampledAt = Number.NEGATIVE_INFINITY;
  private rss = 0;

  constructor(
    /** Above this many bytes of RSS the pressure is high. */
    readonly thresholdBytes: number,
    private readonly readRss: () => number = () => process.memoryUsage.rss(),
    private readonly now: () => number = Date.now,
    private readonly intervalMs = 100,
  ) {}

  get high(): boolean {
    const now = this.now();
    if (now - this.sampledAt >= this.intervalMs) {
      this.sampledAt = now;
      this.rss = this.readRss();
    }
    return this.rss >= this.thresholdBytes;
  }
}
