import { indexChats } from "../messages/message.js";
import type { DeliveredUpdates, UpdateSink } from "../updates/update-sink.js";
import { eventFromUpdate } from "./events-from-update.js";
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
  /** Runs before the handlers of a batch: the client stores the batch's users and chats in its peer cache. */
  readonly ingest?: (batch: DeliveredUpdates) => Promise<void>;
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
  readonly sink: UpdateSink = (batch) => this.dispatch(batch);

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
    if (this.#registrations.length === 0) return;
    if (this.#options.ingest !== undefined) await this.#guard("rawUpdate", batch, () => this.#options.ingest?.(batch));
    let self: Promise<SelfRef | null> | undefined;
    const context: FilterContext = {
      self: () => (self ??= (this.#options.self?.() ?? Promise.resolve(null)).catch(() => null)),
    };
    const chats = indexChats(batch.chats);
    const selfId = this.#registrations.some((r) => r.name !== "rawUpdate")
      ? ((await context.self())?.id ?? null)
      : null;
    for (const update of batch.updates) {
      await this.#run("rawUpdate", { update, users: batch.users, chats: batch.chats, source: batch.source }, context);
      const derived = eventFromUpdate(update, chats, selfId);
      if (derived !== null) await this.#run(derived.name, derived.event, context);
    }
  }

  async #run(name: UpdateEventName, event: object, context: FilterContext): Promise<void> {
    // A copy: handlers added or removed by a handler take effect from the next event.
    for (const registration of [...this.#registrations]) {
      if (registration.name !== name) continue;
      await this.#guard(name, event, async () => {
        const filter = registration.filter as Filter<object> | undefined;
        const passed = filter === undefined ? event : applyFilterResult(event, await filter(event, context));
        if (passed !== null) await (registration.handler as (event: object) => unknown)(passed);
      });
    }
  }

  async #guard(name: UpdateEventName, event: unknown, run: () => unknown): Promise<void> {
    try {
      await run();
    } catch (error) {
      try {
        (this.#options.onError ?? defaultOnError)(error, { name, event });
      } catch {
        // An onError that throws must not break the stream either.
      }
    }
  }
}

const defaultOnError: UpdateErrorHandler = (error, { name }) => {
  console.error(`mtkit: a "${name}" handler failed`, error);
};
