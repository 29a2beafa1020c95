import type { ClientStorage } from "../storage/types.js";
import { saveCommit } from "./save-commit.js";
import type { CoreOutput } from "./update-batch.js";
import type { UpdateSink } from "./update-sink.js";
import type { UpdatesEvent } from "./updates-events.js";
import { UpdatesError, type UpdatesProblem } from "./updates-problem.js";

/**
 * Delivers one step of the core: TooLong notices, then each batch to every sink in turn, then the
 * batch's state is saved. Sinks first, then the state: a crash in between delivers the batch again
 * after a restart (the documented at-least-once around a kill). A throwing sink or a failing save is
 * reported and the stream goes on.
 */
export async function deliverOutput(
  output: CoreOutput,
  sinks: readonly UpdateSink[],
  storage: ClientStorage["updates"],
  emit: (event: UpdatesEvent) => void,
): Promise<void> {
  for (const notice of output.tooLong) emit({ type: "updates_too_long", box: notice.box, messages: notice.messages });
  for (const batch of output.batches) {
    if (batch.updates.length > 0) {
      const delivered = { updates: batch.updates, users: batch.users, chats: batch.chats, source: batch.source };
      for (const sink of [...sinks]) {
        try {
          await sink(delivered);
        } catch (error) {
          emit({
            type: "updates_problem",
            problem: {
              code: "SINK_FAILED",
              message: "an update sink threw; the batch counts as delivered",
              cause: error,
            },
          });
        }
      }
    }
    try {
      await saveCommit(storage, batch.commit);
    } catch (error) {
      emit({
        type: "updates_problem",
        problem: { code: "SAVE_FAILED", message: "saving the update state failed", cause: error },
      });
    }
  }
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
