import type { ClientStorage, UpdateState } from "../storage/types.js";
import type { TlInputChannel } from "../peers/tl-peer-types.js";
import { CancelledError } from "../retry/cancelled-error.js";
import { ChannelFetchQueue } from "./channel-fetch-queue.js";
import { fetchChannel, fetchCommon, type FetchHost } from "./fetch-steps.js";
import type { FetchSummary, RunnerContext, UpdatesInvoke } from "./difference-runner.js";
import { clearSavedState, loadInitialState } from "./initial-state.js";
import { ingestPush } from "./push-input.js";
import { resultUpdates } from "./result-updates.js";
import { MAX_UPDATES_PER_SAVE } from "./save-groups.js";
import type { CoreOutput, UpdateBatch } from "./update-batch.js";
import type { UpdateSink } from "./update-sink.js";
import { UpdatesCore } from "./updates-core.js";
import type { UpdatesEvent, UpdatesFetchReason } from "./updates-events.js";
import { DEFAULT_UPDATES_OPTIONS, differenceLimits, type UpdatesOptions } from "./updates-options.js";
import { UpdatesError } from "./updates-problem.js";
import { UpdatesTimers } from "./updates-timers.js";
import { deliverOutput, problemOf } from "./deliver-output.js";

export interface UpdatesEngineDeps {
  readonly storage: ClientStorage;
  readonly invoke: UpdatesInvoke;
  /** inputChannel for a channel id (from the peer cache), null when we have no access hash. */
  readonly resolveChannel: (channelId: bigint) => Promise<TlInputChannel | null>;
  readonly now: () => number;
  readonly emit: (event: UpdatesEvent) => void;
}

/**
 * The driver of the updates engine (`client.updates`): feeds pushes and call results to the sans-IO
 * `UpdatesCore`, delivers its batches to the sinks one at a time, saves each batch's state after
 * the sinks ran, fetches differences, and owns the gap, idle and retry timers.
 */
export class UpdatesEngine {
  readonly #deps: UpdatesEngineDeps;
  readonly #options: UpdatesOptions;
  #core: UpdatesCore;
  readonly #sinks: UpdateSink[] = [];
  readonly #timers: UpdatesTimers;
  #runner: RunnerContext;
  #self: bigint | undefined;
  #chain: Promise<void> = Promise.resolve();
  // The batches of the delivery queued last on the chain while it has not started: pushes that arrive
  // meanwhile (the rest of one socket read) join it, each batch still delivered on its own, their
  // state saved once after all of them (save-groups.ts).
  #openDelivery: UpdateBatch[] | undefined;
  #loading: Promise<void> | undefined;
  #starting: Promise<void> | undefined;
  #commonQueued: Promise<FetchSummary> | undefined;
  readonly #channelFetches: ChannelFetchQueue;
  readonly #host: FetchHost;
  #running = false;

  constructor(deps: UpdatesEngineDeps, options: UpdatesOptions = {}) {
    this.#deps = deps;
    this.#options = options;
    if (options.sink !== undefined) this.#sinks.push(options.sink);
    this.#core = this.#newCore();
    this.#timers = new UpdatesTimers({
      now: deps.now,
      idleMs: options.idleTimeoutMs ?? DEFAULT_UPDATES_OPTIONS.idleTimeoutMs,
      nextGapDeadline: () => this.#core.nextDeadline(),
      onGap: () => {
        for (const need of this.#core.expired(deps.now())) {
          if (need.kind === "difference") void this.#fetchCommon("gap").catch(ignore);
          else void this.#channelFetches.request(need.channelId, "gap").catch(ignore);
        }
      },
      onIdle: () => void this.#fetchCommon("idle").catch(ignore),
      onRetry: () => void this.#fetchCommon("retry").catch(ignore),
    });
    this.#host = {
      runner: () => this.#runner,
      resolveChannel: deps.resolveChannel,
      emit: deps.emit,
      report: (output) => {
        this.#report(output);
      },
      deliverInChain: (output) => this.#enqueue(() => this.#deliver(output)),
      failed: (error) => {
        this.#failed(error);
      },
      succeeded: () => {
        this.#timers.succeeded();
      },
      settled: () => {
        this.#timers.armGap();
      },
    };
    this.#channelFetches = new ChannelFetchQueue(
      options.channelFetchConcurrency ?? DEFAULT_UPDATES_OPTIONS.channelFetchConcurrency,
      (channelId, reason) => fetchChannel(this.#host, channelId, reason),
    );
    this.#runner = {
      core: this.#core,
      invoke: deps.invoke,
      now: deps.now,
      deliver: (output) => {
        // Inside a fetch: problems and needs (say updateChannelTooLong in other_updates) are acted on after it.
        this.#report(output);
        return this.#deliver(output);
      },
      limits: differenceLimits(options),
    };
  }

  /** The account's state as applied so far; undefined before the first connect as a logged-in user. */
  get state(): UpdateState | undefined {
    return this.#core.state;
  }

  /** A channel's pts as applied so far. */
  channelPts(channelId: bigint): number | undefined {
    return this.#core.channelPts(channelId);
  }

  /** Adds a consumer; returns the function that removes it. Sinks run one after the other, in the order added. */
  addSink(sink: UpdateSink): () => void {
    this.#sinks.push(sink);
    return () => {
      const index = this.#sinks.indexOf(sink);
      if (index >= 0) this.#sinks.splice(index, 1);
    };
  }

  /**
   * Fetches everything missed since the saved state (getDifference, slice after slice, then
   * getChannelDifference for every channel whose pts we keep) and resolves once it is delivered and
   * saved. Rejects with `UpdatesError` when it could not finish.
   */
  async catchUp(): Promise<void> {
    await this.#load();
    await this.#catchUp("requested");
  }

  /** Resolves once everything received so far has gone through the sinks and been saved. */
  async flush(): Promise<void> {
    for (;;) {
      const chain = this.#chain;
      await chain;
      if (chain === this.#chain) return;
    }
  }

  /**
   * Called by the client once connected as a logged-in user (and after a login). Resolves once the
   * starting state is known (loaded, or updates.getState saved): an app that stops right after a
   * login must not come back without one, or what arrived meanwhile would never be fetched.
   */
  start(): Promise<void> {
    this.#starting = this.#start();
    return this.#starting;
  }

  /** Resolves once the last start() knows its starting state (or failed and reported it). */
  async started(): Promise<void> {
    await this.#starting;
  }

  async #start(): Promise<void> {
    if (this.#options.enabled === false) return;
    if ((await this.#deps.storage.session.getSelf()) === null) return;
    this.#running = true;
    try {
      await this.#load();
    } catch (error) {
      this.#problemOf(error, "loading the update state failed");
      return;
    }
    this.#timers.startIdle();
    if (this.#options.catchUp ?? DEFAULT_UPDATES_OPTIONS.catchUp) void this.#catchUp("connect").catch(ignore);
  }

  /** Called on disconnect: timers stop, what was received is delivered and saved, fetches end. */
  async stop(): Promise<void> {
    this.#running = false;
    this.#timers.stopAll();
    // Channel fetches run beside the chain: their last answers are delivered and saved before we return.
    await this.#channelFetches.idle();
    await this.flush();
  }

  /** Logout: stops, and forgets the state in memory and in storage (the next account starts fresh). */
  async forget(): Promise<void> {
    await this.stop();
    await clearSavedState(this.#deps.storage);
    this.#core = this.#newCore();
    this.#runner = { ...this.#runner, core: this.#core };
  }

  /** An object the server pushed (undefined: it could not be decoded). */
  observePush(object: unknown): void {
    if (this.#options.enabled === false) return;
    this.#timers.touch();
    const { output, fetchNeeds } = ingestPush(this.#core, object, this.#deps.now());
    this.#handle(output, fetchNeeds);
  }

  /** The result of any call: `Updates` and messages.affected* move the boxes. */
  observeResult(result: unknown, request: unknown): void {
    const found = resultUpdates(result, request);
    if (found === undefined || this.#options.enabled === false) return;
    const now = this.#deps.now();
    this.#handle(
      found.kind === "updates"
        ? this.#core.ingest(found.updates, now)
        : this.#core.ingestAffected(found.pts, found.count, found.channelId, now),
    );
  }

  /** The connection started a new session, or reconnected: what was sent meanwhile may be lost. */
  onConnectionEvent(reason: "new_session" | "reconnect"): void {
    if (this.#running && this.#core.ready) void this.#catchUp(reason).catch(ignore);
  }

  #newCore(): UpdatesCore {
    return new UpdatesCore({
      maxPending: this.#options.maxPending ?? DEFAULT_UPDATES_OPTIONS.maxPending,
      gapWaitMs: this.#options.gapWaitMs ?? DEFAULT_UPDATES_OPTIONS.gapWaitMs,
      selfId: () => this.#self,
    });
  }

  #load(): Promise<void> {
    if (this.#core.ready) return Promise.resolve();
    this.#loading ??= loadInitialState(this.#deps.storage, this.#deps.invoke)
      .then(({ self, state, channels }) => {
        this.#self = self;
        if (!this.#core.ready) this.#handle(this.#core.load(state, channels, this.#deps.now()));
      })
      .finally(() => {
        this.#loading = undefined;
      });
    return this.#loading;
  }

  #handle(output: CoreOutput, fetchNeeds = true): void {
    const open = this.#openDelivery;
    if (open !== undefined && output.tooLong.length === 0 && open.length < MAX_UPDATES_PER_SAVE) {
      open.push(...output.batches);
    } else if (output.batches.length > 0 || output.tooLong.length > 0) {
      const batches = [...output.batches];
      void this.#enqueue(() => {
        if (this.#openDelivery === batches) this.#openDelivery = undefined;
        return this.#deliver({ ...output, batches });
      });
      if (output.tooLong.length === 0) this.#openDelivery = batches;
    }
    this.#report(output, fetchNeeds);
  }

  #report(output: CoreOutput, fetchNeeds = true): void {
    for (const problem of output.problems) this.#deps.emit({ type: "updates_problem", problem });
    if (fetchNeeds) {
      for (const need of output.needs) {
        if (need.kind === "difference") void this.#fetchCommon("gap").catch(ignore);
        else void this.#channelFetches.request(need.channelId, "too_long").catch(ignore);
      }
    }
    this.#timers.armGap();
  }

  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    // Whatever is queued after this task runs after it: later pushes must not join a delivery before it.
    this.#openDelivery = undefined;
    const run = this.#chain.then(task);
    this.#chain = run.then(ignore, ignore);
    return run;
  }

  #deliver(output: CoreOutput): Promise<void> {
    return deliverOutput(output, this.#sinks, this.#deps.storage.updates, this.#deps.emit);
  }

  /** One common fetch waits at a time; asking while one waits joins it, asking while one runs queues the next. */
  #fetchCommon(reason: UpdatesFetchReason): Promise<FetchSummary> {
    this.#commonQueued ??= this.#enqueue(async () => {
      this.#commonQueued = undefined;
      if (!this.#core.ready) return { slices: 0, updates: 0 };
      return fetchCommon(this.#host, reason);
    });
    return this.#commonQueued;
  }

  /**
   * The common difference, then every channel whose pts we keep, a few at a time: a channel's
   * missed posts are not in the common box, and the server names only the channels it knows moved
   * (updateChannelTooLong) since our state's date (https://core.telegram.org/api/updates).
   */
  async #catchUp(reason: UpdatesFetchReason): Promise<void> {
    await this.#fetchCommon(reason);
    if (!this.#core.ready) return;
    const known = [...this.#core.boxes.channels].filter(([, box]) => box.local !== undefined).map(([id]) => id);
    const results = await Promise.allSettled(known.map((id) => this.#channelFetches.request(id, reason, true)));
    const failed = results.find((result) => result.status === "rejected");
    if (failed !== undefined) throw failed.reason;
  }

  /** Reports a failed fetch; network failures are retried later (disconnects are not failures). */
  #failed(error: unknown): void {
    const cause = error instanceof UpdatesError ? error.cause : error;
    if (cause instanceof CancelledError || !this.#running) return;
    this.#problemOf(error, "fetching the difference failed");
    if (error instanceof UpdatesError && error.code === "FETCH_FAILED") this.#timers.retryLater();
  }

  #problemOf(error: unknown, message: string): void {
    this.#deps.emit({ type: "updates_problem", problem: problemOf(error, message) });
  }
}

function ignore(): void {
  // Reported through events already.
}
