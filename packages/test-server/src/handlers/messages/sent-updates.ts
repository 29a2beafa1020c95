import type { TypeUpdate, TypeUpdates } from "@mtkit/tl-core/api";
import { PeerSet } from "../../wire/peer-set.js";
import type { BoxRef, LogEntry, Message } from "../../world/types.js";
import { seconds } from "../../world/world-clock.js";
import type { HandlerDeps } from "../handler-deps.js";

/**
 * The `updates` answer of a send: updateMessageID (random_id -> id) and the new-message update
 * (https://core.telegram.org/api/updates). A resend of a known random_id has no entry: only the id.
 */
export function sendAsUpdates(
  deps: HandlerDeps,
  viewerId: bigint,
  box: BoxRef,
  entry: LogEntry | undefined,
  message: Message,
  randomId: bigint | undefined,
): TypeUpdates {
  const updates: TypeUpdate[] = [];
  if (randomId !== undefined) updates.push({ _: "updateMessageID", id: message.id, randomId });
  if (entry !== undefined) updates.push(deps.wire.update(box, entry));
  return deps.wire.updates(viewerId, updates, new PeerSet().addMessage(message), seconds(deps.world.env), 0);
}
