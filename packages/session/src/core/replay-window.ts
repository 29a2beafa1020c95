import { MessageRejectedError } from "../errors.js";
import { MsgIdClock } from "./msg-id-clock.js";

/**
 * Incoming msg_id checks from https://core.telegram.org/mtproto/security_guidelines#checking-msg-id:
 * keep the last N ids, drop an id equal to one of them or lower than all of them (when full),
 * and, once time is synchronised, drop ids more than 30 s ahead or 300 s behind.
 */
export interface ReplayWindowOptions {
  /** How many recent ids to remember; the spec suggests a window such as 500. */
  readonly size?: number;
  readonly maxFutureSeconds?: number;
  readonly maxPastSeconds?: number;
}

export class ReplayWindow {
  private readonly ids = new Set<bigint>();
  /**
   * Remembered ids in ascending order from `head` on; slots before `head` are evicted ones, dropped
   * in bulk now and then. Eviction is the oldest (smallest) id, so it is `head++`, not a shift of
   * the whole array per message.
   */
  private order: bigint[] = [];
  private head = 0;
  private readonly size: number;
  private readonly maxFutureSeconds: number;
  private readonly maxPastSeconds: number;
  /** The lowest id remembered; ids at or below it are too old once the window is full. */
  private floor = -1n;

  constructor(options: ReplayWindowOptions = {}) {
    this.size = options.size ?? 500;
    this.maxFutureSeconds = options.maxFutureSeconds ?? 30;
    this.maxPastSeconds = options.maxPastSeconds ?? 300;
  }

  /** Checks the id against duplicates and the window floor; does not record it. */
  checkReplay(msgId: bigint): void {
    if (this.ids.has(msgId)) throw new MessageRejectedError("MSG_ID_DUPLICATE", "msg_id seen before", msgId);
    if (this.ids.size >= this.size && msgId <= this.floor) {
      throw new MessageRejectedError("MSG_ID_TOO_OLD", "msg_id below the replay window", msgId);
    }
  }

  /** Checks the id's time against the corrected clock (skip this for time/salt notices). */
  checkTime(msgId: bigint, serverNowSeconds: number): void {
    const seconds = MsgIdClock.secondsOf(msgId);
    if (seconds > serverNowSeconds + this.maxFutureSeconds) {
      throw new MessageRejectedError("MSG_ID_TOO_NEW", "msg_id more than 30 s in the future", msgId);
    }
    if (seconds < serverNowSeconds - this.maxPastSeconds) {
      throw new MessageRejectedError("MSG_ID_TOO_OLD", "msg_id more than 300 s in the past", msgId);
    }
  }

  has(msgId: bigint): boolean {
    return this.ids.has(msgId);
  }

  /** Remembers an accepted id, evicting the oldest when full. */
  record(msgId: bigint): void {
    if (this.ids.has(msgId)) return;
    this.ids.add(msgId);
    // Keep the live part sorted so the floor is the smallest remembered id; arrivals are nearly
    // sorted, so the insertion point is found within the last few slots.
    const order = this.order;
    let i = order.length;
    while (i > this.head && order[i - 1]! > msgId) i--;
    if (i === order.length) order.push(msgId);
    else order.splice(i, 0, msgId);
    while (this.ids.size > this.size) this.ids.delete(order[this.head++]!);
    if (this.head >= this.size) {
      this.order = order.slice(this.head);
      this.head = 0;
    }
    this.floor = this.order[this.head]!;
  }

  clear(): void {
    this.ids.clear();
    this.order = [];
    this.head = 0;
    this.floor = -1n;
  }
}
