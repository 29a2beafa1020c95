import { RpcError } from "../errors/rpc-error.js";
import type { Sleep } from "../retry/abortable-sleep.js";

/** One page of a listing and where the next one starts (null: this was the last). */
export interface Page<T, C> {
  readonly items: readonly T[];
  readonly next: C | null;
}

/** How an iterator paces itself (https://core.telegram.org/api/offsets, https://core.telegram.org/api/errors#420-flood). */
export interface PaceOptions {
  /** Stop after this many items. Default: all of them. */
  readonly limit?: number;
  /** Wait this long between pages (ms), to stay under the server's flood limits on long listings. */
  readonly pageDelayMs?: number;
  /**
   * A FLOOD_WAIT longer than the client's `floodSleepThreshold` reaches the iterator: it sleeps and
   * asks for the same page again when the wait is at most this many seconds (default 300), else throws.
   */
  readonly maxFloodWaitSeconds?: number;
  /** Told about each flood wait the iterator sleeps through. */
  readonly onFloodWait?: (seconds: number) => void;
  readonly signal?: AbortSignal;
}

const NEVER = new AbortController().signal;

/**
 * Walks pages from `first` until a page says there is no next one (or `limit` items were given),
 * sleeping `pageDelayMs` between pages and through flood waits up to `maxFloodWaitSeconds`.
 * Breaking out of the `for await` stops it: no request is made after that.
 */
export async function* paginate<T, C>(
  first: C | null,
  fetchPage: (cursor: C | null) => Promise<Page<T, C>>,
  sleep: Sleep,
  options: PaceOptions = {},
): AsyncGenerator<T, void, undefined> {
  const limit = options.limit ?? Infinity;
  const signal = options.signal ?? NEVER;
  let cursor = first;
  let given = 0;
  for (let pageIndex = 0; given < limit; pageIndex += 1) {
    if (pageIndex > 0 && (options.pageDelayMs ?? 0) > 0) await sleep(options.pageDelayMs ?? 0, signal);
    const page = await fetchWithFloodWaits(() => fetchPage(cursor), sleep, signal, options);
    for (const item of page.items) {
      if (given >= limit) return;
      given += 1;
      yield item;
    }
    if (page.next === null || page.items.length === 0) return;
    cursor = page.next;
  }
}

async function fetchWithFloodWaits<P>(
  fetchPage: () => Promise<P>,
  sleep: Sleep,
  signal: AbortSignal,
  options: PaceOptions,
): Promise<P> {
  for (;;) {
    try {
      return await fetchPage();
    } catch (error) {
      const flood =
        error instanceof RpcError && error.classification.kind === "flood"
          ? error.classification.waitSeconds
          : undefined;
      if (flood === undefined || flood > (options.maxFloodWaitSeconds ?? 300)) throw error;
      options.onFloodWait?.(flood);
      await sleep(flood * 1000, signal);
    }
  }
}
