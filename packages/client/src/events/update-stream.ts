import type { Filter } from "./filter.js";

export interface IterUpdatesOptions<E, Add extends object> {
  readonly filter?: Filter<E, Add>;
  /** Ends the iteration (the loop finishes normally). */
  readonly signal?: AbortSignal;
  /** Events held while the loop is busy; when full, delivery waits for the loop. Default 100. */
  readonly bufferSize?: number;
}

/**
 * A bounded queue between a producer that awaits (`push`, called by the dispatcher) and a `for await`
 * loop. A full queue makes `push` wait, which makes the dispatcher and the updates engine wait:
 * backpressure instead of dropping or growing without bound.
 */
export class UpdateStream<T> implements AsyncIterableIterator<T> {
  readonly #buffer: T[] = [];
  readonly #size: number;
  #closed = false;
  #wakeReader: (() => void) | undefined;
  readonly #wakeWriters: (() => void)[] = [];
  readonly #onClose: (() => void)[] = [];

  constructor(size: number, signal: AbortSignal | undefined) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`bufferSize must be a positive integer, got ${String(size)}`);
    this.#size = size;
    if (signal?.aborted === true) this.#close();
    signal?.addEventListener(
      "abort",
      () => {
        this.#close();
      },
      { once: true },
    );
  }

  onClose(callback: () => void): void {
    if (this.#closed) callback();
    else this.#onClose.push(callback);
  }

  async push(item: T): Promise<void> {
    while (!this.#closed && this.#buffer.length >= this.#size) {
      await new Promise<void>((resolve) => this.#wakeWriters.push(resolve));
    }
    if (this.#closed) return;
    this.#buffer.push(item);
    this.#wakeReader?.();
  }

  async next(): Promise<IteratorResult<T, undefined>> {
    for (;;) {
      if (this.#buffer.length > 0) {
        const item = this.#buffer.shift() as T;
        this.#wakeWriters.shift()?.();
        return { done: false, value: item };
      }
      if (this.#closed) return { done: true, value: undefined };
      await new Promise<void>((resolve) => (this.#wakeReader = resolve));
      this.#wakeReader = undefined;
    }
  }

  return(): Promise<IteratorResult<T, undefined>> {
    this.#close();
    this.#buffer.length = 0;
    return Promise.resolve({ done: true, value: undefined });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const callback of this.#onClose.splice(0)) callback();
    for (const wake of this.#wakeWriters.splice(0)) wake();
    this.#wakeReader?.();
  }
}
