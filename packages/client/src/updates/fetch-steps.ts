import type { TlInputChannel } from "../peers/tl-peer-types.js";
import {
  runChannelDifference,
  runCommonDifference,
  type FetchSummary,
  type RunnerContext,
} from "./difference-runner.js";
import type { CoreOutput } from "./update-batch.js";
import type { UpdatesEvent, UpdatesFetchReason } from "./updates-events.js";
import { UpdatesError } from "./updates-problem.js";

/** What a fetch needs from the engine that runs it. */
export interface FetchHost {
  /** The current runner (a logout replaces the core, and the runner with it). */
  readonly runner: () => RunnerContext;
  readonly resolveChannel: (channelId: bigint) => Promise<TlInputChannel | null>;
  readonly emit: (event: UpdatesEvent) => void;
  /** Problems and needs of an answer are acted on (say updateChannelTooLong inside it). */
  readonly report: (output: CoreOutput) => void;
  /** Delivers and saves an answer in the engine's delivery chain, after what is already queued there. */
  readonly deliverInChain: (output: CoreOutput) => Promise<void>;
  readonly failed: (error: unknown) => void;
  /** A common difference went through: the retry back-off starts over. */
  readonly succeeded: () => void;
  /** The fetch ended, one way or the other: the gap timer looks at the boxes again. */
  readonly settled: () => void;
}

/** The account's getDifference, slice after slice (https://core.telegram.org/api/updates#recovering-gaps), reported as events. */
export async function fetchCommon(host: FetchHost, reason: UpdatesFetchReason): Promise<FetchSummary> {
  host.emit({ type: "updates_fetch", box: "pts", reason });
  const summary = await tracked(host, () => runCommonDifference(host.runner(), sourceOf(reason)));
  host.succeeded();
  host.emit({ type: "updates_caught_up", box: "pts", ...summary });
  return summary;
}

/**
 * One channel's getChannelDifference (https://core.telegram.org/api/updates#recovering-gaps), beside
 * the other fetches: the network goes on outside the delivery chain, each answer is delivered and
 * saved in it, in the order the core produced it. A channel we have no access hash for cannot be
 * fetched: its waiting updates are dropped and CHANNEL_UNKNOWN is reported.
 */
export async function fetchChannel(
  host: FetchHost,
  channelId: bigint,
  reason: UpdatesFetchReason,
): Promise<FetchSummary> {
  const channel = await host.resolveChannel(channelId).catch(() => null);
  if (channel === null) {
    const problem = {
      code: "CHANNEL_UNKNOWN",
      message: `no access hash for channel ${channelId}; its gap cannot be fetched`,
      box: channelId,
    } as const;
    host.emit({ type: "updates_problem", problem });
    host.runner().core.boxes.channel(channelId).clearPending();
    throw new UpdatesError(problem);
  }
  host.emit({ type: "updates_fetch", box: channelId, reason });
  const runner: RunnerContext = {
    ...host.runner(),
    deliver: (output) => {
      host.report(output);
      return host.deliverInChain(output);
    },
  };
  const summary = await tracked(host, () => runChannelDifference(runner, channelId, channel, sourceOf(reason)));
  host.emit({ type: "updates_caught_up", box: channelId, ...summary });
  return summary;
}

const sourceOf = (reason: UpdatesFetchReason): "catch-up" | "difference" =>
  reason === "connect" ? "catch-up" : "difference";

/** Runs one fetch: a failure is reported to the engine, and the gap timer looks again either way. */
async function tracked(host: FetchHost, run: () => Promise<FetchSummary>): Promise<FetchSummary> {
  try {
    return await run();
  } catch (error) {
    host.failed(error);
    throw error;
  } finally {
    host.settled();
  }
}
