import type { TypeChat, TypeUpdate, TypeUser } from "@mtkit/tl-core/api";
import type { UpdateState } from "../storage/types.js";
import { isValidPtsPair } from "./box-check.js";
import type { BatchCollector } from "./update-batch.js";
import { channelTooLongOf, classifyUpdate } from "./classify-update.js";
import { SeqBox, type SeqContainer } from "./seq-box.js";
import { SequenceBox, type BoxEntry } from "./sequence-box.js";

/**
 * Every box of one account (https://core.telegram.org/api/updates): the common pts box, qts, the
 * seq counter with the date, and one pts box per channel; and how one update finds its box.
 */
export class UpdateBoxes {
  readonly pts: SequenceBox;
  readonly qts: SequenceBox;
  readonly seq: SeqBox;
  readonly channels = new Map<bigint, SequenceBox>();

  constructor(
    state: UpdateState,
    channels: Iterable<readonly [bigint, number]>,
    readonly maxPending: number,
  ) {
    this.pts = new SequenceBox(state.pts, maxPending);
    this.qts = new SequenceBox(state.qts, maxPending);
    this.seq = new SeqBox(state.seq, state.date, maxPending);
    for (const [id, pts] of channels) this.channels.set(id, new SequenceBox(pts, maxPending));
  }

  get state(): UpdateState {
    return { pts: this.pts.local ?? 0, qts: this.qts.local ?? 0, date: this.seq.date, seq: this.seq.seq };
  }

  channel(channelId: bigint): SequenceBox {
    let box = this.channels.get(channelId);
    if (box === undefined) {
      box = new SequenceBox(undefined, this.maxPending);
      this.channels.set(channelId, box);
    }
    return box;
  }

  /** The inner updates of a container whose seq turn has come. */
  processContainer(container: SeqContainer, c: BatchCollector, now: number): void {
    for (const update of container.updates) this.processUpdate(update, container.users, container.chats, c, now, false);
  }

  /**
   * One update: to its box, or straight to the batch when it has none. `fromDifference`: the
   * update came inside a common difference, which already covers the account's pts and qts.
   */
  processUpdate(
    update: TypeUpdate,
    users: readonly TypeUser[],
    chats: readonly TypeChat[],
    c: BatchCollector,
    now: number,
    fromDifference: boolean,
  ): void {
    const tooLong = channelTooLongOf(update);
    if (tooLong !== undefined) {
      const box = this.channel(tooLong.channelId);
      if (box.local === undefined && tooLong.pts !== undefined) {
        // A channel we never saw: "start fetching from the specified pts" (https://core.telegram.org/constructor/updateChannelTooLong).
        box.set(tooLong.pts);
        c.channels.set(tooLong.channelId, tooLong.pts);
      }
      if (box.local !== undefined) c.need({ kind: "channel", channelId: tooLong.channelId });
      return;
    }
    const place = classifyUpdate(update);
    switch (place.box) {
      case "none":
      case "unplaced":
        c.add(update, users, chats);
        return;
      case "pts":
        if (fromDifference) c.add(update, users, chats);
        else this.offer("pts", { update, pts: place.pts, count: place.count, users, chats }, c, now);
        return;
      case "qts":
        if (fromDifference) c.add(update, users, chats);
        else this.offer("qts", { update, pts: place.qts, count: 1, users, chats }, c, now);
        return;
      case "channel":
        this.offer(place.channelId, { update, pts: place.pts, count: place.count, users, chats }, c, now);
        return;
    }
  }

  /** An event for one box, checked first: a malformed pts re-syncs the box instead of moving it. */
  offer(key: "pts" | "qts" | bigint, entry: BoxEntry, c: BatchCollector, now: number): void {
    const needOfBox =
      key === "pts" || key === "qts"
        ? ({ kind: "difference" } as const)
        : ({ kind: "channel", channelId: key } as const);
    if (!isValidPtsPair(entry.pts, entry.count)) {
      c.problem({
        code: "BAD_PTS",
        message: `${entry.update?._ ?? "event"} with pts ${entry.pts} and pts_count ${entry.count} dropped`,
        box: key,
      });
      c.need(needOfBox);
      return;
    }
    const box = key === "pts" ? this.pts : key === "qts" ? this.qts : this.channel(key);
    const before = box.local;
    const result = box.offer(entry, now);
    c.addEntries(result.applied);
    if (box.local !== before) {
      if (typeof key === "bigint") c.channels.set(key, box.local ?? 0);
      else c.stateChanged = true;
    }
    if (result.overflow) {
      c.problem({
        code: "PENDING_OVERFLOW",
        message: `more than ${this.maxPending} updates waited for a gap; fetching the difference instead`,
        box: key,
      });
      c.need(needOfBox);
    }
  }

  /** When the oldest gap of each box was noticed, for the driver's timer. */
  *gaps(): Generator<{
    readonly need: { readonly kind: "difference" } | { readonly kind: "channel"; readonly channelId: bigint };
    readonly since: number;
  }> {
    const common = [this.pts.gapSince, this.qts.gapSince, this.seq.gapSince].filter(
      (t): t is number => t !== undefined,
    );
    if (common.length > 0) yield { need: { kind: "difference" }, since: Math.min(...common) };
    for (const [channelId, box] of this.channels)
      if (box.gapSince !== undefined) yield { need: { kind: "channel", channelId }, since: box.gapSince };
  }
}
