import type { RpcMethods } from "@mtkit/tl-core/api";
import type { TlInputChannel } from "../peers/tl-peer-types.js";
import {
  applyChannelDifference,
  applyDifference,
  beginChannelDifference,
  beginDifference,
  endChannelDifference,
  endDifference,
  type Source,
  type StepResult,
} from "./apply-difference.js";
import type { CoreOutput } from "./update-batch.js";
import type { UpdatesCore } from "./updates-core.js";
import { UpdatesError, type UpdateBoxKey } from "./updates-problem.js";

/** The three calls the engine makes, typed like `TelegramClient.invoke`. */
export interface UpdatesInvoke {
  (request: RpcMethods["updates.getState"]["request"]): Promise<RpcMethods["updates.getState"]["result"]>;
  (request: RpcMethods["updates.getDifference"]["request"]): Promise<RpcMethods["updates.getDifference"]["result"]>;
  (
    request: RpcMethods["updates.getChannelDifference"]["request"],
  ): Promise<RpcMethods["updates.getChannelDifference"]["result"]>;
}

export interface DifferenceLimits {
  /** Answers in one fetch before it stops (the state so far is saved; the next fetch goes on). */
  readonly maxSlices: number;
  /** Answers in a row that do not move the state before the fetch gives up. */
  readonly stuckAfter: number;
  /** getChannelDifference `limit` (https://core.telegram.org/method/updates.getChannelDifference). */
  readonly channelLimit: number;
  /** getDifference `pts_total_limit`, when set: more than this many events answer differenceTooLong. */
  readonly ptsTotalLimit: number | undefined;
}

export interface RunnerContext {
  readonly core: UpdatesCore;
  readonly invoke: UpdatesInvoke;
  readonly now: () => number;
  /** Delivers a step's batches and saves their state before the next answer is asked for. */
  readonly deliver: (output: CoreOutput) => Promise<void>;
  readonly limits: DifferenceLimits;
}

export interface FetchSummary {
  readonly slices: number;
  readonly updates: number;
}

/**
 * getDifference until the server says it is complete (https://core.telegram.org/api/updates#recovering-gaps).
 * Each answer is delivered and saved before the next is asked for, so a backlog of any size is
 * held one slice at a time, and a crash resumes from the last saved slice.
 */
export async function runCommonDifference(ctx: RunnerContext, source: Source): Promise<FetchSummary> {
  const boxes = ctx.core.boxes;
  let asked = beginDifference(boxes);
  try {
    return await loop(ctx, "pts", async () => {
      const result = await ctx.invoke({
        _: "updates.getDifference",
        pts: asked.pts,
        qts: asked.qts,
        date: asked.date,
        ...(ctx.limits.ptsTotalLimit === undefined ? {} : { ptsTotalLimit: ctx.limits.ptsTotalLimit }),
      });
      const step = applyDifference(boxes, result, source, ctx.now());
      const next = boxes.state;
      const moved = next.pts !== asked.pts || next.qts !== asked.qts || next.date !== asked.date;
      asked = next;
      return { step, moved };
    });
  } finally {
    await ctx.deliver(endDifference(boxes, source, ctx.now()));
  }
}

/** getChannelDifference until `final` (https://core.telegram.org/api/updates#recovering-gaps). */
export async function runChannelDifference(
  ctx: RunnerContext,
  channelId: bigint,
  channel: TlInputChannel,
  source: Source,
): Promise<FetchSummary> {
  const boxes = ctx.core.boxes;
  let pts = beginChannelDifference(boxes, channelId);
  if (pts === undefined) return { slices: 0, updates: 0 };
  try {
    return await loop(ctx, channelId, async () => {
      const result = await ctx.invoke({
        _: "updates.getChannelDifference",
        channel,
        filter: { _: "channelMessagesFilterEmpty" },
        pts: pts ?? 0,
        limit: ctx.limits.channelLimit,
      });
      const step = applyChannelDifference(boxes, channelId, result, source);
      const next = ctx.core.channelPts(channelId);
      const moved = next !== pts;
      pts = next;
      return { step, moved };
    });
  } finally {
    await ctx.deliver(endChannelDifference(boxes, channelId, source, ctx.now()));
  }
}

async function loop(
  ctx: RunnerContext,
  box: UpdateBoxKey,
  ask: () => Promise<{ readonly step: StepResult; readonly moved: boolean }>,
): Promise<FetchSummary> {
  let slices = 0;
  let updates = 0;
  let still = 0;
  for (;;) {
    let answer: { readonly step: StepResult; readonly moved: boolean };
    try {
      answer = await ask();
    } catch (error) {
      throw new UpdatesError({
        code: "FETCH_FAILED",
        message: `fetching the difference of ${describeBox(box)} failed`,
        box,
        cause: error,
      });
    }
    slices++;
    for (const batch of answer.step.output.batches) updates += batch.updates.length;
    await ctx.deliver(answer.step.output);
    if (answer.step.done) return { slices, updates };
    still = answer.moved ? 0 : still + 1;
    if (still >= ctx.limits.stuckAfter) {
      throw new UpdatesError({
        code: "DIFFERENCE_STUCK",
        message: `${still} difference answers in a row for ${describeBox(box)} did not move the state`,
        box,
      });
    }
    if (slices >= ctx.limits.maxSlices) {
      throw new UpdatesError({
        code: "DIFFERENCE_TOO_LONG_RUNNING",
        message: `${slices} difference answers for ${describeBox(box)} and not done; the rest is fetched next time`,
        box,
      });
    }
  }
}

function describeBox(box: UpdateBoxKey): string {
  return typeof box === "bigint" ? `channel ${box}` : "the account";
}
