/**
 * Events produced before anyone listens. `connect()` may open secret chats and run the catch-up
 * before the app has called `secretChats()` and subscribed: their requests and messages wait here
 * and go to the first listener, in order. Bounded: past `limit` the oldest are dropped and counted,
 * and the listener is told how many (a decrypted message is never re-fetched from the server).
 */
export const DEFAULT_BACKLOG_LIMIT = 10_000;

export class EventBacklog<T> {
  #events: T[] = [];
  #dropped = 0;

  constructor(private readonly limit = DEFAULT_BACKLOG_LIMIT) {}

  get size(): number {
    return this.#events.length;
  }

  push(event: T): void {
    if (this.#events.length >= this.limit) {
      this.#events.shift();
      this.#dropped++;
    }
    this.#events.push(event);
  }

  /** Hands everything held to `listener` in order; `dropped` first, when some were let go. */
  drainTo(listener: (event: T) => void, dropped: (count: number) => T): void {
    const events = this.#events;
    const lost = this.#dropped;
    this.#events = [];
    this.#dropped = 0;
    if (lost > 0) listener(dropped(lost));
    for (const event of events) listener(event);
  }
}
