import type { ClientStorage, UpdateState } from "../storage/types.js";
import type { TlInputChannel } from "../peers/tl-peer-types.js";
import { CancelledError } from "../retry/cancelled-error.js";
import {
  runChannelDifference,
  runCommonDifference,
  type FetchSummary,
  type RunnerContext,
  type UpdatesInvoke,
} from "./difference-runner.js";
import { isUpdatesObject, resultUpdates } from "./result-updates.js";
import type { CoreOutput } from "./update-batch.js";
import type { UpdateSink } from "./update-sink.js";
import { UpdatesCore } from "./updates-core.js";
import type { UpdatesEvent, UpdatesFetchReason } from "./updates-events.js";
import { DEFAULT_UPDATES_OPTIONS, type UpdatesOptions } from "./updates-options.js";
import { UpdatesError } from "./updates-problem.js";
import { UpdatesTimers } from "./updates-timers.js";
import { saveCommit } from "./save-commit.js";

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
  #loading: Promise<void> | undefined;
  #starting: Promise<void> | undefined;
  #commonQueued: Promise<FetchSummary> | undefined;
  readonly #channelsQueued = new Map<bigint, Promise<FetchSummary>>();
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
          else void this.#fetchChannel(need.channelId, "gap").catch(ignore);
        }
      },
      onIdle: () => void this.#fetchCommon("idle").catch(ignore),
      onRetry: () => void this.#fetchCommon("retry").catch(ignore),
    });
    this.#runner = {
      core: this.#core,
      invoke: deps.invoke,
      now: deps.now,
      deliver: (output) => {
        // Inside a fetch: problems and needs (say updateChannelTooLong in other_updates) are acted on after it.
        this.#report(output);
        return this.#deliver(output);
      },
      limits: {
        maxSlices: options.maxDifferenceSlices ?? DEFAULT_UPDATES_OPTIONS.maxDifferenceSlices,
        stuckAfter: 3,
        channelLimit: options.channelDifferenceLimit ?? DEFAULT_UPDATES_OPTIONS.channelDifferenceLimit,
        ptsTotalLimit: options.ptsTotalLimit,
      },
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
   * Fetches everything missed since the saved state (getDifference, slice after slice) and resolves
   * once it is delivered and saved. Rejects with `UpdatesError` when it could not finish.
   */
  async catchUp(): Promise<void> {
    await this.#load();
    await this.#fetchCommon("requested");
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
    if (this.#options.catchUp ?? DEFAULT_UPDATES_OPTIONS.catchUp) void this.#fetchCommon("connect").catch(ignore);
  }

  /** Called on disconnect: timers stop, what was received is delivered and saved, fetches end. */
  async stop(): Promise<void> {
    this.#running = false;
    this.#timers.stopAll();
    await this.flush();
  }

  /** Logout: stops, and forgets the state in memory and in storage (the next account starts fresh). */
  async forget(): Promise<void> {
    await this.stop();
    const channels = await this.#deps.storage.updates.listChannelPts();
    for (const [channelId] of channels) await this.#deps.storage.updates.setChannelPts(channelId, null);
    await this.#deps.storage.updates.set(null);
    this.#core = this.#newCore();
    this.#runner = { ...this.#runner, core: this.#core };
  }

  /** An object the server pushed (undefined: it could not be decoded). */
  observePush(object: unknown): void {
    if (this.#options.enabled === false) return;
    this.#timers.touch();
    if (isUpdatesObject(object)) this.#handle(this.#core.ingest(object, this.#deps.now()));
    else if (object === undefined)
      this.#handle(this.#core.unreadable("a pushed object could not be decoded; fetching the difference"));
    else
      this.#handle(
        this.#core.unreadable(`pushed ${describeObject(object)} is not an Updates constructor; ignored`),
        false,
      );
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
    if (this.#running && this.#core.ready) void this.#fetchCommon(reason).catch(ignore);
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
    this.#loading ??= (async () => {
      this.#self = (await this.#deps.storage.session.getSelf())?.userId;
      let state = await this.#deps.storage.updates.get();
      if (state === null) {
        const fresh = await this.#deps.invoke({ _: "updates.getState" });
        state = { pts: fresh.pts, qts: fresh.qts, date: fresh.date, seq: fresh.seq };
        await this.#deps.storage.updates.set(state);
      }
      const channels = await this.#deps.storage.updates.listChannelPts();
      if (!this.#core.ready) this.#handle(this.#core.load(state, channels, this.#deps.now()));
    })().finally(() => {
      this.#loading = undefined;
    });
    return this.#loading;
  }

  #handle(output: CoreOutput, fetchNeeds = true): void {
    if (output.batches.length > 0 || output.tooLong.length > 0) void this.#enqueue(() => this.#deliver(output));
    this.#report(output, fetchNeeds);
  }

  #report(output: CoreOutput, fetchNeeds = true): void {
    for (const problem of output.problems) this.#deps.emit({ type: "updates_problem", problem });
    if (fetchNeeds) {
      for (const need of output.needs) {
        if (need.kind === "difference") void this.#fetchCommon("gap").catch(ignore);
        else void this.#fetchChannel(need.channelId, "too_long").catch(ignore);
      }
    }
    this.#timers.armGap();
  }

  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#chain.then(task);
    this.#chain = run.then(ignore, ignore);
    return run;
  }

  /** Sinks first, then the state: a crash in between delivers the batch again after a restart. */
  async #deliver(output: CoreOutput): Promise<void> {
    for (const notice of output.tooLong)
      this.#deps.emit({ type: "updates_too_long", box: notice.box, messages: notice.messages });
    for (const batch of output.batches) {
      if (batch.updates.length > 0) {
        const delivered = { updates: batch.updates, users: batch.users, chats: batch.chats, source: batch.source };
        for (const sink of [...this.#sinks]) {
          try {
            await sink(delivered);
          } catch (error) {
            this.#deps.emit({
              type: "updates_problem",
              problem: {
                code: "SINK_FAILED",
                message: "an update sink threw; the batch counts as delivered",
                cause: error,
              },
            });
          }
        }
      }
      try {
        await saveCommit(this.#deps.storage.updates, batch.commit);
      } catch (error) {
        this.#deps.emit({
          type: "updates_problem",
          problem: { code: "SAVE_FAILED", message: "saving the update state failed", cause: error },
        });
      }
    }
  }

  /** One common fetch waits at a time; asking while one waits joins it, asking while one runs queues the next. */
  #fetchCommon(reason: UpdatesFetchReason): Promise<FetchSummary> {
    this.#commonQueued ??= this.#enqueue(async () => {
      this.#commonQueued = undefined;
      if (!this.#core.ready) return { slices: 0, updates: 0 };
      this.#deps.emit({ type: "updates_fetch", box: "pts", reason });
      const source = reason === "connect" ? "catch-up" : "difference";
      try {
        const summary = await runCommonDifference(this.#runner, source);
        this.#timers.succeeded();
        this.#deps.emit({ type: "updates_caught_up", box: "pts", ...summary });
        return summary;
      } catch (error) {
        this.#failed(error);
        throw error;
      } finally {
        this.#timers.armGap();
      }
    });
    return this.#commonQueued;
  }

  #fetchChannel(channelId: bigint, reason: UpdatesFetchReason): Promise<FetchSummary> {
    let queued = this.#channelsQueued.get(channelId);
    if (queued !== undefined) return queued;
    queued = this.#enqueue(async () => {
      this.#channelsQueued.delete(channelId);
      const channel = await this.#deps.resolveChannel(channelId).catch(() => null);
      if (channel === null) {
        const problem = {
          code: "CHANNEL_UNKNOWN",
          message: `no access hash for channel ${channelId}; its gap cannot be fetched`,
          box: channelId,
        } as const;
        this.#deps.emit({ type: "updates_problem", problem });
        this.#core.boxes.channel(channelId).clearPending();
        throw new UpdatesError(problem);
      }
      this.#deps.emit({ type: "updates_fetch", box: channelId, reason });
      try {
        const summary = await runChannelDifference(this.#runner, channelId, channel, "difference");
        this.#deps.emit({ type: "updates_caught_up", box: channelId, ...summary });
        return summary;
      } catch (error) {
        this.#failed(error);
        throw error;
      } finally {
        this.#timers.armGap();
      }
    });
    this.#channelsQueued.set(channelId, queued);
    return queued;
  }

  /** Reports a failed fetch; network failures are retried later (disconnects are not failures). */
  #failed(error: unknown): void {
    const cause = error instanceof UpdatesError ? error.cause : error;
    if (cause instanceof CancelledError || !this.#running) return;
    this.#problemOf(error, "fetching the difference failed");
    if (error instanceof UpdatesError && error.code === "FETCH_FAILED") this.#timers.retryLater();
  }

  #problemOf(error: unknown, message: string): void {
    if (error instanceof UpdatesError) {
      this.#deps.emit({
        type: "updates_problem",
        problem: {
          code: error.code,
          message: error.message,
          ...(error.box === undefined ? {} : { box: error.box }),
          cause: error.cause,
        },
      });
    } else {
      this.#deps.emit({ type: "updates_problem", problem: { code: "FETCH_FAILED", message, cause: error } });
    }
  }
}

function ignore(): void {
  // Reported through events already.
}

function describeObject(object: unknown): string {
  const name = typeof object === "object" && object !== null ? (object as { readonly _?: unknown })._ : undefined;
  return typeof name === "string" ? name : typeof object;
}
