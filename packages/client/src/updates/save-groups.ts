import type { UpdateBatch, UpdatesCommit } from "./update-batch.js";

/**
 * At most this many updates share one state save: far below a difference slice, so a kill still
 * redelivers less than one slice (the guarantee in update-sink.ts and docs/DECISIONS.md).
 */
export const MAX_UPDATES_PER_SAVE = 100;

/** Consecutive batches whose state is saved once, after the sinks ran for every one of them. */
export interface SaveGroup {
  readonly batches: readonly UpdateBatch[];
  /** The last state and the highest pts of each channel the group moved: saving it covers every batch. */
  readonly commit: UpdatesCommit;
}

/**
 * Groups consecutive batches, up to `maxUpdates` updates per group, so that pushes that arrived in
 * one read cost one state save instead of one per push (issue 10, live updates per second). Each
 * batch still reaches the sinks on its own and in order.
 */
export function groupForSave(batches: readonly UpdateBatch[], maxUpdates = MAX_UPDATES_PER_SAVE): SaveGroup[] {
  const groups: SaveGroup[] = [];
  let group: UpdateBatch[] = [];
  let count = 0;
  for (const batch of batches) {
    if (group.length > 0 && count + batch.updates.length > maxUpdates) {
      groups.push(close(group));
      group = [];
      count = 0;
    }
    group.push(batch);
    count += batch.updates.length;
  }
  if (group.length > 0) groups.push(close(group));
  return groups;
}

function close(batches: readonly UpdateBatch[]): SaveGroup {
  const [only] = batches;
  if (batches.length === 1 && only !== undefined) return { batches, commit: only.commit };
  const channels = new Map<bigint, number>();
  let state: UpdatesCommit["state"];
  for (const batch of batches) {
    for (const [channelId, pts] of batch.commit.channels) channels.set(channelId, pts);
    state = batch.commit.state ?? state;
  }
  return { batches, commit: { state, channels: [...channels] } };
}
