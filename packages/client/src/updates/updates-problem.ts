/**
 * Something wrong with what the server sent, or a recovery that could not finish. Never thrown
 * into the connection: reported as a `ClientEvent` (`updates_problem`) and the engine carries on,
 * fetching the difference where that can repair the state.
 */
export type UpdatesProblemCode =
  /** pts_count negative or not an integer, or pts negative: the update is dropped and the box re-synced. */
  | "BAD_PTS"
  /** A pushed object that is not an `Updates` constructor, or one the TL layer could not decode. */
  | "UNKNOWN_CONSTRUCTOR"
  /** The server's state in a difference is behind ours (pts/qts going backwards); the server's is taken. */
  | "STATE_WENT_BACKWARDS"
  /** Several difference answers in a row did not move the state: fetching stops until the next trigger. */
  | "DIFFERENCE_STUCK"
  /** More slices than `maxDifferenceSlices` in one catch-up; the state so far is saved, the next catch-up goes on. */
  | "DIFFERENCE_TOO_LONG_RUNNING"
  /** Too many updates waited for a gap to fill; they were dropped and the difference fetched instead. */
  | "PENDING_OVERFLOW"
  /** A channel update for a channel we cannot address (no access hash): its gap cannot be fetched. */
  | "CHANNEL_UNKNOWN"
  /** updates.getDifference / getChannelDifference failed; retried later. */
  | "FETCH_FAILED"
  /** The sink threw; the batch counts as delivered (its state is saved) so one bad handler cannot stall updates. */
  | "SINK_FAILED"
  /** Saving the state failed; the updates were delivered and will be delivered again after a restart. */
  | "SAVE_FAILED";

export interface UpdatesProblem {
  readonly code: UpdatesProblemCode;
  readonly message: string;
  /** The box concerned: "pts" / "qts" / "seq" for the account, or a channel id. */
  readonly box?: UpdateBoxKey;
  readonly cause?: unknown;
}

/** The common pts box, the qts box, the seq counter, or one channel's pts box. */
export type UpdateBoxKey = "pts" | "qts" | "seq" | bigint;

/** A typed error for the `catchUp()` promise when a catch-up could not finish. */
export class UpdatesError extends Error {
  override readonly name = "UpdatesError";
  readonly code: UpdatesProblemCode;
  readonly box: UpdateBoxKey | undefined;

  constructor(problem: UpdatesProblem) {
    super(problem.message, problem.cause === undefined ? undefined : { cause: problem.cause });
    this.code = problem.code;
    this.box = problem.box;
  }
}
