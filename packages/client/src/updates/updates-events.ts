import type { TypeMessage } from "@mtkit/tl-core/api";
import type { UpdateBoxKey, UpdatesProblem } from "./updates-problem.js";

/** Why a difference is being fetched. */
export type UpdatesFetchReason =
  "connect" | "gap" | "too_long" | "new_session" | "reconnect" | "idle" | "requested" | "retry" | "unreadable";

/**
 * What the updates engine reports through the client's `onEvent` / logger
 * (https://core.telegram.org/api/updates#recovering-gaps).
 */
export type UpdatesEvent =
  /** A difference (getDifference, or getChannelDifference for a channel id) is being fetched. */
  | { readonly type: "updates_fetch"; readonly box: "pts" | bigint; readonly reason: UpdatesFetchReason }
  /** A fetch finished: `updates` were delivered from `slices` answers. */
  | {
      readonly type: "updates_caught_up";
      readonly box: "pts" | bigint;
      readonly slices: number;
      readonly updates: number;
    }
  /**
   * differenceTooLong / channelDifferenceTooLong: updates were skipped on the server's word. The app
   * should refetch what it shows (dialogs, or this channel's history); the state has moved on.
   */
  | { readonly type: "updates_too_long"; readonly box: UpdateBoxKey; readonly messages: readonly TypeMessage[] }
  /** Bad input or a failed step; the engine carried on (see `UpdatesProblemCode`). */
  | { readonly type: "updates_problem"; readonly problem: UpdatesProblem };
