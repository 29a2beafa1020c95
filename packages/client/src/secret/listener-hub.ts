import { EventBacklog } from "./event-backlog.js";

/**
 * Listeners of one event stream, plus what came while there were none: held (bounded, see
 * EventBacklog) and handed to the first listener, in order, before `subscribe` returns. `always`
 * is a listener fixed at construction (an `onEvent` option), which counts as listening.
 */
export class ListenerHub<T> {
  readonly #listeners = new Set<(event: T) => void>();
  readonly #backlog = new EventBacklog<T>();

  constructor(
    /** The event that tells the first listener how many were dropped past the backlog's bound. */
    private readonly droppedEvent: (count: number) => T,
    private readonly always?: (event: T) => void,
  ) {}

  /** Adds `listener`; returns the unsubscribe function. */
  subscribe(listener: (event: T) => void): () => void {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1 && this.#backlog.size > 0) this.#backlog.drainTo(listener, this.droppedEvent);
    return () => this.#listeners.delete(listener);
  }

  emit(event: T): void {
    if (this.always === undefined && this.#listeners.size === 0) {
      this.#backlog.push(event);
      return;
    }
    this.always?.(event);
    for (const listener of this.#listeners) listener(event);
  }
}
