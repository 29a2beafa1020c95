import type { TypeMessage, TypeUpdate, updates_TypeDifference } from "@mtkit/tl-core/api";
import { peersOfEntries } from "../../wire/wire.js";
import type { BoxRef } from "../../world/types.js";
import { seconds } from "../../world/world-clock.js";
import type { HandlerDeps } from "../handler-deps.js";

/**
 * updates.getDifference of an account (https://core.telegram.org/api/updates#fetching-the-difference):
 * empty when nothing was missed, a difference when it fits, a differenceSlice (with the intermediate
 * state) under the limit, differenceTooLong past the threshold.
 */
export function accountDifference(
  deps: HandlerDeps,
  accountId: bigint,
  clientPts: number,
  ptsLimit: number | undefined,
): updates_TypeDifference {
  const { world, wire, limits } = deps;
  const box = world.boxes.account(accountId);
  const date = seconds(world.env);
  if (deps.server.faults.updates.takeDifferenceTooLong() || box.pts - clientPts > limits.tooLongAfter) {
    return { _: "updates.differenceTooLong", pts: box.pts };
  }
  if (clientPts >= box.pts) return { _: "updates.differenceEmpty", date, seq: box.seq };
  const ref: BoxRef = { kind: "account", id: accountId };
  const limit = Math.max(1, Math.min(ptsLimit ?? limits.sliceSize, limits.sliceSize));
  const entries = world.boxes.entriesAfter(ref, clientPts, limit);
  const newMessages: TypeMessage[] = [];
  const otherUpdates: TypeUpdate[] = [];
  for (const entry of entries) {
    if (entry.event.kind === "newMessage") newMessages.push(wire.message(entry.event.message));
    else otherUpdates.push(wire.update(ref, entry));
  }
  const { users, chats } = wire.peers(accountId, peersOfEntries(ref, entries));
  const reached = entries[entries.length - 1]?.pts ?? box.pts;
  const unread = 0;
  const common = { newMessages, newEncryptedMessages: [], otherUpdates, users, chats };
  if (reached < box.pts) {
    return {
      _: "updates.differenceSlice",
      ...common,
      intermediateState: { _: "updates.state", pts: reached, qts: box.qts, date, seq: box.seq, unreadCount: unread },
    };
  }
  return { _: "updates.difference", ...common, state: wire.state({ ...box, date }, unread) };
}
