import type { WorldStore } from "../store/world-store.js";
import type { Message } from "./types.js";

export interface Expiry {
  readonly at: number;
  readonly boxKey: string;
  readonly ownerId: bigint | undefined;
  readonly peerKey: string;
  readonly id: number;
}

/** Messages with a ttl_period, ordered by when they disappear (https://core.telegram.org/api/ttl). */
export class Expiries {
  constructor(private readonly store: WorldStore) {}

  /** Remembers that `message` disappears `ttlPeriod` seconds after its date. */
  schedule(message: Message, boxKey: string, peerKey: string): void {
    if (message.ttlPeriod === undefined || message.ttlPeriod <= 0) return;
    const at = message.date + message.ttlPeriod;
    this.store
      .table("expiries")
      .put("", rowKey(at, boxKey, message.id), { at, boxKey, ownerId: message.ownerId, peerKey, id: message.id });
  }

  /** Everything due at `nowSeconds` or before, removed from the schedule. */
  takeDue(nowSeconds: number): Expiry[] {
    const table = this.store.table("expiries");
    const due = table.scan("", { below: pad(nowSeconds + 1) });
    for (const expiry of due) table.delete("", rowKey(expiry.at, expiry.boxKey, expiry.id));
    return due;
  }

  /** When the next message disappears (seconds), if any. */
  next(): number | undefined {
    return this.store.table("expiries").scan("", { limit: 1 })[0]?.at;
  }
}

const pad = (seconds: number): string => String(seconds).padStart(12, "0");
const rowKey = (at: number, boxKey: string, id: number): string => `${pad(at)}:${boxKey}:${id}`;
