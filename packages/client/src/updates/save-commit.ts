import type { UpdateStateRepository } from "../storage/types.js";
import type { UpdatesCommit } from "./update-batch.js";

/** Saves the boxes a delivered batch moved (the account's state, then each channel's pts). */
export async function saveCommit(repository: UpdateStateRepository, commit: UpdatesCommit): Promise<void> {
  if (commit.state !== undefined) await repository.set(commit.state);
  for (const [channelId, pts] of commit.channels) await repository.setChannelPts(channelId, pts);
}
