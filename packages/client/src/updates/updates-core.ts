import type { TypeUpdates } from "@mtkit/tl-core/api";
import type { UpdateState } from "../storage/types.js";
import { BatchCollector, type CoreOutput, type UpdatesNeed } from "./update-batch.js";
import { UpdateBoxes } from "./update-boxes.js";
import { normaliseShortChatMessage, normaliseShortMessage } from "./short-updates.js";

export interface UpdatesCoreOptions {
  /** Updates that may wait for one box's gap to fill; more and the difference is fetched instead. */
  readonly maxPending: number;
  /** How long a gap may stay open before its difference is fetched (ms). */
  readonly gapWaitMs: number;
  /** The logged-in user, for `from_id` of our own short messages. */
  readonly selfId: () => bigint | undefined;
}

const EMPTY: CoreOutput = { batches: [], needs: [], problems: [], tooLong: [] };

/**
 * The sans-IO updates engine (https://core.telegram.org/api/updates): takes what the server sent
 * (pushes, results of calls, differences) and the time, and says what to deliver (in order, once),
 * which state each delivery commits, and which gaps must be fetched. It never awaits: the driver
 * does the I/O and the timers.
 */
export class UpdatesCore {
  #boxes: UpdateBoxes | undefined;
  /** Pushes that came before the state was known, replayed by `load`. */
  #early: TypeUpdates[] = [];

  constructor(readonly options: UpdatesCoreOptions) {}

  get ready(): boolean {
    return this.#boxes !== undefined;
  }

  /** The account's state as applied so far (undefined before `load`). */
  get state(): UpdateState | undefined {
    return this.#boxes?.state;
  }

  /** The boxes (after `load`); the difference steps work on them. */
  get boxes(): UpdateBoxes {
    if (this.#boxes === undefined) throw new Error("UpdatesCore: load() the state first");
    return this.#boxes;
  }

  channelPts(channelId: bigint): number | undefined {
    return this.#boxes?.channels.get(channelId)?.local;
  }

  /** Starts from a saved (or freshly fetched) state; pushes that came earlier are applied against it. */
  load(state: UpdateState, channels: Iterable<readonly [bigint, number]>, now: number): CoreOutput {
    this.#boxes = new UpdateBoxes(state, channels, this.options.maxPending);
    const early = this.#early;
    this.#early = [];
    const c = new BatchCollector("push");
    for (const updates of early) this.#ingestInto(updates, c, now);
    return c.finish(this.state);
  }

  /** A push, or the `Updates` a call returned. */
  ingest(updates: TypeUpdates, now: number): CoreOutput {
    if (this.#boxes === undefined) {
      // Before the state is known; a long backlog here is covered by the catch-up that follows.
      if (this.#early.length < this.options.maxPending) this.#early.push(updates);
      return EMPTY;
    }
    const c = new BatchCollector("push");
    this.#ingestInto(updates, c, now);
    return c.finish(this.state);
  }

  /**
   * messages.affectedMessages / affectedHistory (and updateShortSentMessage): the call moved a box
   * by `count` events the server will not push to us. `channelId` for channel methods.
   */
  ingestAffected(pts: number, count: number, channelId: bigint | undefined, now: number): CoreOutput {
    if (this.#boxes === undefined) return EMPTY;
    const c = new BatchCollector("push");
    this.#boxes.offer(channelId ?? "pts", { update: undefined, pts, count, users: [], chats: [] }, c, now);
    return c.finish(this.state);
  }

  /** Something arrived that could not be read: its events are lost unless the difference is fetched. */
  unreadable(reason: string): CoreOutput {
    return {
      batches: [],
      needs: this.#boxes === undefined ? [] : [{ kind: "difference" }],
      problems: [{ code: "UNKNOWN_CONSTRUCTOR", message: reason }],
      tooLong: [],
    };
  }

  /** Boxes whose gap has been open longer than `gapWaitMs` at `now`. */
  expired(now: number): UpdatesNeed[] {
    if (this.#boxes === undefined) return [];
    const needs: UpdatesNeed[] = [];
    for (const gap of this.#boxes.gaps()) if (now - gap.since >= this.options.gapWaitMs) needs.push(gap.need);
    return needs;
  }

  /** When `expired` will next have something (ms), undefined when no gap is open. */
  nextDeadline(): number | undefined {
    if (this.#boxes === undefined) return undefined;
    let next: number | undefined;
    for (const gap of this.#boxes.gaps()) next = Math.min(next ?? Infinity, gap.since + this.options.gapWaitMs);
    return next;
  }

  #ingestInto(updates: TypeUpdates, c: BatchCollector, now: number): void {
    const boxes = this.boxes;
    switch (updates._) {
      case "updatesTooLong":
        c.need({ kind: "difference" });
        return;
      case "updateShortMessage":
        boxes.processUpdate(normaliseShortMessage(updates, this.options.selfId()), [], [], c, now, false);
        return;
      case "updateShortChatMessage":
        boxes.processUpdate(normaliseShortChatMessage(updates), [], [], c, now, false);
        return;
      case "updateShortSentMessage":
        // The answer to messages.sendMessage: our message took pts_count events of the box.
        boxes.offer(
          "pts",
          { update: undefined, pts: updates.pts, count: updates.ptsCount, users: [], chats: [] },
          c,
          now,
        );
        return;
      case "updateShort":
        boxes.processUpdate(updates.update, [], [], c, now, false);
        return;
      case "updates":
      case "updatesCombined": {
        const seqBefore = boxes.seq.seq;
        const dateBefore = boxes.seq.date;
        const { ready, overflow } = boxes.seq.offer(updates, now);
        for (const container of ready) boxes.processContainer(container, c, now);
        if (boxes.seq.seq !== seqBefore || boxes.seq.date !== dateBefore) c.stateChanged = true;
        if (overflow) {
          c.problem({
            code: "PENDING_OVERFLOW",
            message: `more than ${this.options.maxPending} containers waited for a seq gap`,
            box: "seq",
          });
          c.need({ kind: "difference" });
        }
        return;
      }
    }
  }
}
