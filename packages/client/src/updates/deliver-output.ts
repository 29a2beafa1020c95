import type { ClientStorage } from "../storage/types.js";
import { groupForSave } from "./save-groups.js";
import { saveCommit } from "./save-commit.js";
import type { CoreOutput, UpdateBatch } from "./update-batch.js";
import type { DeliveredUpdates, UpdateSink } from "./update-sink.js";
import type { UpdatesEvent } from "./updates-events.js";
import { UpdatesError, type UpdatesProblem } from "./updates-problem.js";

/**
 * Delivers one step of the core: TooLong notices, then each batch to every sink in turn, then the
 * state, saved once per group of consecutive batches (at most 100 updates, see save-groups.ts).
 * Sinks first, then the state: a crash in between delivers that group again after a restart (the
 * documented at-least-once around a kill). A throwing sink or a failing save is reported and the
 * stream goes on.
 */
export async function deliverOutput(
  output: CoreOutput,
  sinks: readonly UpdateSink[],
  storage: ClientStorage["updates"],
  emit: (event: UpdatesEvent) => void,
): Promise<void> {
  for (const notice of output.tooLong) emit({ type: "updates_too_long", box: notice.box, messages: notice.messages });
  for (const group of groupForSave(output.batches)) {
    for (const batch of group.batches) {
      const running = batch.updates.length > 0 ? deliverBatch(batch, sinks, emit) : undefined;
      if (running !== undefined) await running;
    }
    try {
      await saveCommit(storage, group.commit);
    } catch (error) {
      emit({
        type: "updates_problem",
        problem: { code: "SAVE_FAILED", message: "saving the update state failed", cause: error },
      });
    }
  }
}

/** One batch to every sink in turn; undefined when every sink finished synchronously. */
function deliverBatch(
  batch: UpdateBatch,
  sinks: readonly UpdateSink[],
  emit: (event: UpdatesEvent) => void,
): Promise<void> | undefined {
  const delivered = { updates: batch.updates, users: batch.users, chats: batch.chats, source: batch.source };
  return deliverFrom(delivered, [...sinks], 0, emit);
}

function deliverFrom(
  delivered: DeliveredUpdates,
  sinks: readonly UpdateSink[],
  from: number,
  emit: (event: UpdatesEvent) => void,
): Promise<void> | undefined {
  for (let index = from; index < sinks.length; index++) {
    let running: Promise<void> | void;
    try {
      running = sinks[index]!(delivered);
    } catch (error) {
      emit(sinkFailed(error));
      continue;
    }
    if (running !== undefined)
      return Promise.resolve(running).then(
        () => deliverFrom(delivered, sinks, index + 1, emit),
        (error: unknown) => {
          emit(sinkFailed(error));
          return deliverFrom(delivered, sinks, index + 1, emit);
        },
      );
  }
  return undefined;
}

function sinkFailed(error: unknown): UpdatesEvent {
  return {
    type: "updates_problem",
    problem: { code: "SINK_FAILED", message: "an update sink threw; the batch counts as delivered", cause: error },
  };
}

/** The problem event of a failed step: an `UpdatesError` as it is, anything else as FETCH_FAILED with `message`. */
export function problemOf(error: unknown, message: string): UpdatesProblem {
  if (error instanceof UpdatesError)
    return {
      code: error.code,
      message: error.message,
      ...(error.box === undefined ? {} : { box: error.box }),
      cause: error.cause,
    };
  return { code: "FETCH_FAILED", message, cause: error };
}
