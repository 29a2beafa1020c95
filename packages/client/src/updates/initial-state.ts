import type { ClientStorage, UpdateState } from "../storage/types.js";
import type { UpdatesInvoke } from "./difference-runner.js";

export interface InitialState {
  readonly self: bigint | undefined;
  readonly state: UpdateState;
  readonly channels: Iterable<readonly [bigint, number]>;
}

/**
 * Where the engine starts: the saved state, or (first run of this account) updates.getState, saved
 * before it is used (https://core.telegram.org/api/updates#fetching-the-state): an app that stops
 * right after a login must come back with a state, or what arrived meanwhile would never be fetched.
 */
export async function loadInitialState(storage: ClientStorage, invoke: UpdatesInvoke): Promise<InitialState> {
  const self = (await storage.session.getSelf())?.userId;
  let state = await storage.updates.get();
  if (state === null) {
    const fresh = await invoke({ _: "updates.getState" });
    state = { pts: fresh.pts, qts: fresh.qts, date: fresh.date, seq: fresh.seq };
    await storage.updates.set(state);
  }
  return { self, state, channels: await storage.updates.listChannelPts() };
}

/** Logout: the account's state and channel pts leave storage (the next account starts fresh). */
export async function clearSavedState(storage: ClientStorage): Promise<void> {
  for (const [channelId] of await storage.updates.listChannelPts())
    await storage.updates.setChannelPts(channelId, null);
  await storage.updates.set(null);
}
