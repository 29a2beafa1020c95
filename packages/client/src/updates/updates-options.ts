import type { DifferenceLimits } from "./difference-runner.js";
import type { UpdateSink } from "./update-sink.js";

/** `TelegramClient` option `updates` (https://core.telegram.org/api/updates). */
export interface UpdatesOptions {
  /** false: no state is loaded, saved or fetched; pushes still reach `onEvent` as `update` events. Default true. */
  readonly enabled?: boolean;
  /** Fetch what was missed (getDifference from the saved state) each time the client connects. Default true. */
  readonly catchUp?: boolean;
  /** Where updates go; more can be added with `client.updates.addSink`. */
  readonly sink?: UpdateSink;
  /** How long a gap may wait for the missing updates to arrive before the difference is fetched (ms). Default 500. */
  readonly gapWaitMs?: number;
  /** With no update for this long the difference is fetched anyway (ms). Default 15 minutes. */
  readonly idleTimeoutMs?: number;
  /** Updates one box may hold while a gap is open; beyond that the difference is fetched. Default 10 000. */
  readonly maxPending?: number;
  /** Difference answers per fetch before it stops (the rest comes with the next fetch). Default 100 000. */
  readonly maxDifferenceSlices?: number;
  /** getChannelDifference `limit`. Default 100 (bots may use up to 100 000). */
  readonly channelDifferenceLimit?: number;
  /** Channels whose getChannelDifference may run at once (a catch-up checks every known channel). Default 4. */
  readonly channelFetchConcurrency?: number;
  /** getDifference `pts_total_limit`: a bigger gap answers differenceTooLong. Default: not sent. */
  readonly ptsTotalLimit?: number;
}

export const DEFAULT_UPDATES_OPTIONS = {
  catchUp: true,
  gapWaitMs: 500,
  idleTimeoutMs: 15 * 60_000,
  maxPending: 10_000,
  maxDifferenceSlices: 100_000,
  channelDifferenceLimit: 100,
  channelFetchConcurrency: 4,
} as const;

/** The bounds of one difference fetch, from the options. */
export function differenceLimits(options: UpdatesOptions): DifferenceLimits {
  return {
    maxSlices: options.maxDifferenceSlices ?? DEFAULT_UPDATES_OPTIONS.maxDifferenceSlices,
    stuckAfter: 3,
    channelLimit: options.channelDifferenceLimit ?? DEFAULT_UPDATES_OPTIONS.channelDifferenceLimit,
    ptsTotalLimit: options.ptsTotalLimit,
  };
}
