import type { TypeChat, TypeUpdate, TypeUser } from "@mtkit/tl-core/api";

/**
 * The contract between the updates engine (`updates/`) and whoever consumes updates (the event
 * dispatcher in `events/`, an app's raw hook). The engine owns ordering, gap recovery and
 * de-duplication (https://core.telegram.org/api/updates); a sink only ever sees each update once,
 * in order within its box, with the users and chats it mentions.
 *
 * Delivery guarantee: the engine awaits the sink before it persists the box state that covers the
 * batch, so a crash inside (or before the end of) a sink call means the batch is delivered again
 * after restart (at-least-once around a crash, exactly-once otherwise). Batches ready together share
 * one save (save-groups.ts, at most 100 updates): a crash redelivers that group.
 */
export interface DeliveredUpdates {
  /** Single updates, already normalised: short forms (updateShortMessage, updateShortChatMessage) arrive as updateNewMessage. */
  readonly updates: readonly TypeUpdate[];
  readonly users: readonly TypeUser[];
  readonly chats: readonly TypeChat[];
  /** Where the batch came from: a live push, a difference after a gap, or catch-up on start. */
  readonly source: "push" | "difference" | "catch-up";
}

/** Consumes updates; the engine awaits it before it saves state. Errors are reported, never lost silently. */
export type UpdateSink = (batch: DeliveredUpdates) => Promise<void> | void;
