import type { TypeChat, TypeMessage, TypeUpdate, TypeUser } from "@mtkit/tl-core/api";
import type { UpdateState } from "../storage/types.js";
import type { BoxEntry } from "./sequence-box.js";
import type { DeliveredUpdates } from "./update-sink.js";
import type { UpdateBoxKey, UpdatesProblem } from "./updates-problem.js";

/** The box state that covers a batch: saved once the sink has run. */
export interface UpdatesCommit {
  /** The account's state, when this batch moved it. */
  readonly state: UpdateState | undefined;
  /** Channel boxes this batch moved. */
  readonly channels: readonly (readonly [bigint, number])[];
}

export interface UpdateBatch extends DeliveredUpdates {
  readonly commit: UpdatesCommit;
}

/** A box whose gap must be fetched. */
export type UpdatesNeed = { readonly kind: "difference" } | { readonly kind: "channel"; readonly channelId: bigint };

/**
 * The server said a box is too far behind to replay (differenceTooLong, channelDifferenceTooLong):
 * the app should refetch what it shows (dialogs, history); the state has moved on already.
 */
export interface TooLongNotice {
  readonly box: UpdateBoxKey;
  /** The channel's latest messages, when the server sent them (channelDifferenceTooLong). */
  readonly messages: readonly TypeMessage[];
}

/** Everything one step of the core produced, for the driver to act on in order. */
export interface CoreOutput {
  readonly batches: UpdateBatch[];
  readonly needs: UpdatesNeed[];
  readonly problems: UpdatesProblem[];
  readonly tooLong: TooLongNotice[];
}

/** Gathers what one step applies into (at most) one batch, in order. */
export class BatchCollector {
  readonly updates: TypeUpdate[] = [];
  // Made on first use: most pushes (short messages) bring no users or chats at all.
  #userLists: Set<readonly TypeUser[]> | undefined;
  #chatLists: Set<readonly TypeChat[]> | undefined;
  readonly channels = new Map<bigint, number>();
  stateChanged = false;
  readonly output: CoreOutput = { batches: [], needs: [], problems: [], tooLong: [] };

  constructor(readonly source: DeliveredUpdates["source"]) {}

  add(update: TypeUpdate, users: readonly TypeUser[], chats: readonly TypeChat[]): void {
    this.updates.push(update);
    if (users.length > 0) (this.#userLists ??= new Set()).add(users);
    if (chats.length > 0) (this.#chatLists ??= new Set()).add(chats);
  }

  addEntries(entries: readonly BoxEntry[]): void {
    for (const entry of entries) if (entry.update !== undefined) this.add(entry.update, entry.users, entry.chats);
  }

  need(need: UpdatesNeed): void {
    const known = this.output.needs.some(
      (n) =>
        n.kind === need.kind &&
        (n.kind === "difference" || (need.kind === "channel" && n.channelId === need.channelId)),
    );
    if (!known) this.output.needs.push(need);
  }

  problem(problem: UpdatesProblem): void {
    this.output.problems.push(problem);
  }

  /** Closes the step: one batch when anything was applied or any box moved. */
  finish(state: UpdateState | undefined): CoreOutput {
    if (this.updates.length > 0 || this.stateChanged || this.channels.size > 0) {
      this.output.batches.push({
        updates: this.updates,
        users: flatten(this.#userLists),
        chats: flatten(this.#chatLists),
        source: this.source,
        commit: { state: this.stateChanged ? state : undefined, channels: [...this.channels] },
      });
    }
    return this.output;
  }
}

function flatten<T>(lists: ReadonlySet<readonly T[]> | undefined): readonly T[] {
  if (lists === undefined || lists.size === 0) return [];
  if (lists.size === 1) return [...lists][0]!;
  return [...lists].flat();
}
