import { TransportError } from "./errors.js";

/** Default budget shared by every connection of a listener: 64 MiB of partial frames. */
export const DEFAULT_FRAME_BUFFER_BUDGET = 64 * 1024 * 1024;

/**
 * One budget of bytes buffered in partial frames, shared by all server connections of a listener
 * (sans IO: a counter). A peer announcing a 2 MiB frame and sending it slowly holds 2 MiB; a
 * thousand of them would hold 2 GiB. Each connection reports its partial-frame bytes after every
 * read; the one whose bytes would pass the budget is refused (and closed by its carrier).
 */
export class FrameBufferBudget {
  readonly limitBytes: number;
  private used = 0;

  constructor(limitBytes = DEFAULT_FRAME_BUFFER_BUDGET) {
    if (!Number.isSafeInteger(limitBytes) || limitBytes < 0)
      throw new TransportError("INVALID_ARGUMENT", `frame buffer budget ${limitBytes} is not a byte count`);
    this.limitBytes = limitBytes;
  }

  get usedBytes(): number {
    return this.used;
  }

  /**
   * Moves one connection's share from `before` to `after` bytes. Throws BUFFER_BUDGET (the share
   * then counts 0) when growing would pass the limit; shrinking always succeeds.
   */
  update(before: number, after: number): void {
    this.used += after - before;
    if (after > before && this.used > this.limitBytes) {
      this.used -= after;
      throw new TransportError(
        "BUFFER_BUDGET",
        `partial frames would hold ${this.used + after} bytes, over the budget of ${this.limitBytes}`,
        { buffered: after },
      );
    }
  }
}
