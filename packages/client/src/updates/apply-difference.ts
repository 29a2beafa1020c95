import type { updates_TypeChannelDifference, updates_TypeDifference } from "@mtkit/tl-core/api";
import { BatchCollector, type CoreOutput } from "./update-batch.js";
import type { DeliveredUpdates } from "./update-sink.js";
import type { UpdateBoxes } from "./update-boxes.js";

/**
 * The difference steps of https://core.telegram.org/api/updates#recovering-gaps, on the boxes of
 * an `UpdatesCore`: `begin*` freezes the box (pushes wait), `apply*` takes one answer and says
 * whether to ask again (slices, differenceTooLong, non-final channel differences), `end*` lets
 * what waited through against the new state.
 */
export type Source = DeliveredUpdates["source"];

export interface StepResult {
  readonly output: CoreOutput;
  /** false: ask again with the new state (a slice, or after differenceTooLong). */
  readonly done: boolean;
}

export function beginDifference(boxes: UpdateBoxes): {
  readonly pts: number;
  readonly qts: number;
  readonly date: number;
} {
  boxes.pts.startFetch();
  boxes.qts.startFetch();
  boxes.seq.startFetch();
  const state = boxes.state;
  return { pts: state.pts, qts: state.qts, date: state.date };
}

export function applyDifference(
  boxes: UpdateBoxes,
  result: updates_TypeDifference,
  source: Source,
  now: number,
): StepResult {
  const c = new BatchCollector(source);
  const before = boxes.state;
  switch (result._) {
    case "updates.differenceEmpty":
      boxes.seq.set(result.seq, result.date);
      c.stateChanged = true;
      return { output: c.finish(boxes.state), done: true };
    case "updates.differenceTooLong":
      // Too much to replay: the app refetches what it shows, we go on from the pts we were given.
      boxes.pts.set(result.pts);
      c.stateChanged = true;
      c.output.tooLong.push({ box: "pts", messages: [] });
      return { output: c.finish(boxes.state), done: false };
    case "updates.difference":
    case "updates.differenceSlice": {
      const state = result._ === "updates.difference" ? result.state : result.intermediateState;
      if (state.pts < before.pts || state.qts < before.qts) {
        c.problem({
          code: "STATE_WENT_BACKWARDS",
          message: `difference state pts ${state.pts} qts ${state.qts} is behind ours (${before.pts}, ${before.qts}); the server's is taken`,
          box: "pts",
        });
      }
      for (const message of result.newMessages)
        c.add({ _: "updateNewMessage", message, pts: state.pts, ptsCount: 0 }, result.users, result.chats);
      for (const message of result.newEncryptedMessages)
        c.add({ _: "updateNewEncryptedMessage", message, qts: state.qts }, result.users, result.chats);
      for (const update of result.otherUpdates) boxes.processUpdate(update, result.users, result.chats, c, now, true);
      boxes.pts.set(state.pts);
      boxes.qts.set(state.qts);
      boxes.seq.set(state.seq, state.date);
      c.stateChanged = true;
      return { output: c.finish(boxes.state), done: result._ === "updates.difference" };
    }
  }
}

export function endDifference(boxes: UpdateBoxes, source: Source, now: number): CoreOutput {
  const c = new BatchCollector(source);
  const before = boxes.state;
  c.addEntries(boxes.pts.endFetch(now));
  c.addEntries(boxes.qts.endFetch(now));
  for (const container of boxes.seq.endFetch(now)) boxes.processContainer(container, c, now);
  const after = boxes.state;
  if (after.pts !== before.pts || after.qts !== before.qts || after.seq !== before.seq || after.date !== before.date)
    c.stateChanged = true;
  return c.finish(after);
}

/** The pts to ask getChannelDifference from; undefined when the channel has no known pts. */
export function beginChannelDifference(boxes: UpdateBoxes, channelId: bigint): number | undefined {
  const box = boxes.channel(channelId);
  if (box.local === undefined) return undefined;
  box.startFetch();
  return box.local;
}

export function applyChannelDifference(
  boxes: UpdateBoxes,
  channelId: bigint,
  result: updates_TypeChannelDifference,
  source: Source,
): StepResult {
  const c = new BatchCollector(source);
  const box = boxes.channel(channelId);
  const before = box.local ?? 0;
  const moveTo = (pts: number): void => {
    if (pts < before)
      c.problem({
        code: "STATE_WENT_BACKWARDS",
        message: `channel difference pts ${pts} is behind ours (${before}); the server's is taken`,
        box: channelId,
      });
    box.set(pts);
    c.channels.set(channelId, pts);
  };
  switch (result._) {
    case "updates.channelDifferenceEmpty":
      moveTo(result.pts);
      return { output: c.finish(undefined), done: true };
    case "updates.channelDifferenceTooLong": {
      const pts = result.dialog._ === "dialog" ? result.dialog.pts : undefined;
      if (pts !== undefined) moveTo(pts);
      c.output.tooLong.push({ box: channelId, messages: result.messages });
      return { output: c.finish(undefined), done: true };
    }
    case "updates.channelDifference":
      for (const message of result.newMessages)
        c.add({ _: "updateNewChannelMessage", message, pts: result.pts, ptsCount: 0 }, result.users, result.chats);
      for (const update of result.otherUpdates) c.add(update, result.users, result.chats);
      moveTo(result.pts);
      return { output: c.finish(undefined), done: result.final === true };
  }
}

export function endChannelDifference(boxes: UpdateBoxes, channelId: bigint, source: Source, now: number): CoreOutput {
  const c = new BatchCollector(source);
  const box = boxes.channel(channelId);
  const before = box.local;
  c.addEntries(box.endFetch(now));
  if (box.local !== before && box.local !== undefined) c.channels.set(channelId, box.local);
  return c.finish(undefined);
}
