import { indexChats, type ChatIndex } from "../messages/message.js";
import type { DeliveredUpdates, UpdateSink } from "../updates/update-sink.js";
import { eventFromUpdate, needsSelfId } from "./events-from-update.js";
import { applyFilterResult, type Filter, type FilterContext, type SelfRef } from "./filter.js";
import type { UpdateEventMap, UpdateEventName } from "./update-events.js";
import { UpdateStream, type IterUpdatesOptions } from "./update-stream.js";

export type UpdateHandler<E> = (event: E) => unknown;

/** Where a handler's error goes, with the event it was handling. */
export type UpdateErrorHandler = (
  error: unknown,
  context: { readonly name: UpdateEventName; readonly event: unknown },
) => void;

export interface UpdateDispatcherOptions {
  /** Every handler and filter error, once. Default: `console.error`. */
  readonly onError?: UpdateErrorHandler;
  /** This account, for filters (`command`'s @mention) and the sender of our own private messages. */
  readonly self?: () => Promise<SelfRef | null>;
  /**
   * Runs before the handlers of a batch: the client stores the batch's users and chats in its peer
   * cache. undefined: nothing to wait for (most pushes), so no promise turn per batch.
   */
  readonly ingest?: (batch: DeliveredUpdates) => Promise<void> | undefined;
}

interface Registration {
  readonly name: UpdateEventName;
  readonly handler: (event: never) => unknown;
  readonly filter: Filter<never> | undefined;
}

/**
 * The consumer of the updates engine (it is the engine's `UpdateSink`): turns each delivered update
 * into events and runs the matching handlers one after another, awaiting async ones, so the engine
 * saves its state only after every handler of the batch finished. A handler's error goes to
 * `onError` and never stops the others or the stream.
 */
export class UpdateDispatcher {
  readonly #registrations: Registration[] = [];
  readonly #options: UpdateDispatcherOptions;

  constructor(options: UpdateDispatcherOptions = {}) {
    this.#options = options;
  }

  /** The `UpdateSink` to give the updates engine. */
  readonly sink: UpdateSink = (batch) => this.#dispatchNow(batch);

  /** Registers a handler; returns the function that removes it. Handlers run in registration order. */
  on<N extends UpdateEventName, Add extends object = object>(
    name: N,
    handler: UpdateHandler<UpdateEventMap[N] & Add>,
    filter?: Filter<UpdateEventMap[N], Add>,
  ): () => void {
    const registration: Registration = { name, handler, filter: filter };
    this.#registrations.push(registration);
    return () => {
      const index = this.#registrations.indexOf(registration);
      if (index !== -1) this.#registrations.splice(index, 1);
    };
  }

  /**
   * The events of one kind as an async iterator with a bounded buffer. When the buffer is full the
   * dispatcher waits for the loop (backpressure, nothing dropped); breaking out of the loop or
   * aborting `signal` unsubscribes.
   */
  iterUpdates<N extends UpdateEventName, Add extends object = object>(
    name: N,
    options: IterUpdatesOptions<UpdateEventMap[N], Add> = {},
  ): AsyncIterableIterator<UpdateEventMap[N] & Add> {
    const stream = new UpdateStream<UpdateEventMap[N] & Add>(options.bufferSize ?? 100, options.signal);
    stream.onClose(this.on(name, (event) => stream.push(event), options.filter));
    return stream;
  }

  /** Runs every handler for a batch; resolves when all finished. Never rejects: errors go to `onError`. */
  async dispatch(batch: DeliveredUpdates): Promise<void> {
    await this.#dispatchNow(batch);
  }

  /**
   * `dispatch` without a promise when nothing had to wait (no peer to store, synchronous handlers):
   * the engine then delivers the next pushed batch in the same turn (issue 10, live updates per second).
   */
  #dispatchNow(batch: DeliveredUpdates): Promise<void> | undefined {
    if (this.#registrations.length === 0) return undefined;
    const ingest = this.#options.ingest;
    const ingesting = ingest === undefined ? undefined : this.#guardMaybe("rawUpdate", batch, () => ingest(batch));
    if (ingesting !== undefined) return ingesting.then(() => this.#dispatchEvents(batch));
    return this.#dispatchEvents(batch);
  }

  #dispatchEvents(batch: DeliveredUpdates): Promise<void> | undefined {
    let self: Promise<SelfRef | null> | undefined;
    const context: FilterContext = {
      self: () => (self ??= (this.#options.self?.() ?? Promise.resolve(null)).catch(() => null)),
    };
    const chats = indexChats(batch.chats);
    // Looked up only for the events that name this account (no storage read per pushed message).
    if (this.#registrations.some((r) => r.name !== "rawUpdate") && batch.updates.some(needsSelfId))
      return context.self().then((ref) => this.#runEvents(batch, chats, ref?.id ?? null, context, 0));
    return this.#runEvents(batch, chats, null, context, 0);
  }

  /** Each update's events in order, from `from` on; waits only where a handler returned a promise. */
  #runEvents(
    batch: DeliveredUpdates,
    chats: ChatIndex,
    selfId: number | null,
    context: FilterContext,
    from: number,
  ): Promise<void> | undefined {
    for (let index = from; index < batch.updates.length; index++) {
      const update = batch.updates[index]!;
      let running: Promise<void> | undefined;
      if (this.#registrations.some((r) => r.name === "rawUpdate")) {
        const event = { update, users: batch.users, chats: batch.chats, source: batch.source };
        running = this.#run("rawUpdate", event, context);
      }
      const derive = (): Promise<void> | undefined => {
        const derived = eventFromUpdate(update, chats, selfId);
        return derived === null ? undefined : this.#run(derived.name, derived.event, context);
      };
      running = running === undefined ? derive() : running.then(derive);
      if (running !== undefined) return running.then(() => this.#runEvents(batch, chats, selfId, context, index + 1));
    }
    return undefined;
  }

  /**
   * The handlers of one event in turn. Synchronous handlers without a filter are called without a
   * promise per event (the live path of issue 10's updates/s); from the first handler that returns a
   * promise (or has a filter) on, the rest wait for it. undefined: all done already.
   */
  #run(name: UpdateEventName, event: object, context: FilterContext): Promise<void> | undefined {
    // A copy: handlers added or removed by a handler take effect from the next event.
    const matching = this.#registrations.filter((registration) => registration.name === name);
    return this.#runFrom(matching, 0, name, event, context);
  }

  #runFrom(
    matching: readonly Registration[],
    from: number,
    name: UpdateEventName,
    event: object,
    context: FilterContext,
  ): Promise<void> | undefined {
    for (let index = from; index < matching.length; index++) {
      const registration = matching[index]!;
      const pending =
        registration.filter === undefined
          ? this.#callHandler(registration, name, event)
          : this.#guard(name, event, async () => {
              const filter = registration.filter as Filter<object>;
              const passed = applyFilterResult(event, await filter(event, context));
              if (passed !== null) await (registration.handler as (event: object) => unknown)(passed);
            });
      if (pending !== undefined) return pending.then(() => this.#runFrom(matching, index + 1, name, event, context));
    }
    return undefined;
  }

  /** Runs one handler; returns a promise only when the handler returned one (settled, never rejecting). */
  #callHandler(registration: Registration, name: UpdateEventName, event: object): Promise<void> | undefined {
    try {
      const result = (registration.handler as (event: object) => unknown)(event);
      if (!isThenable(result)) return undefined;
      return Promise.resolve(result).then(
        () => undefined,
        (error: unknown) => {
          this.#report(error, name, event);
        },
      );
    } catch (error) {
      this.#report(error, name, event);
      return undefined;
    }
  }

  /** `#guard` for a step that may have nothing to wait for: undefined then, and no promise made. */
  #guardMaybe(name: UpdateEventName, event: unknown, run: () => Promise<void> | undefined): Promise<void> | undefined {
    try {
      return run()?.then(undefined, (error: unknown) => {
        this.#report(error, name, event);
      });
    } catch (error) {
      this.#report(error, name, event);
      return undefined;
    }
  }

  async #guard(name: UpdateEventName, event: unknown, run: () => unknown): Promise<void> {
    try {
      await run();
    } catch (error) {
      this.#report(error, name, event);
    }
  }

  #report(error: unknown, name: UpdateEventName, event: unknown): void {
    try {
      (this.#options.onError ?? defaultOnError)(error, { name, event });
    } catch {
      // An onError that throws must not break the stream either.
    }
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { readonly then?: unknown }).then === "function"
  );
}

const defaultOnError: UpdateErrorHandler = (error, { name }) => {
  console.error(`mtkit: a "${name}" handler failed`, error);
};
