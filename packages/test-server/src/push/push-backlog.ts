import type { ServerSession } from "@mtkit/session";
import type { TypeUpdates } from "@mtkit/tl-core/api";
import { encodeResult } from "../api/rpc-dispatcher.js";

/**
 * Backpressure on pushes (https://core.telegram.org/api/updates#updates-sequence): a session whose
 * client left `limit` pushes unacknowledged (a connection gone quiet, a client that stopped reading)
 * gets one updatesTooLong instead of the next push, and no more pushes until it caught up: it called
 * updates.getDifference, or acknowledged everything including the updatesTooLong (its next pushes
 * then show it a pts gap). So what the server holds for a lagging session stays bounded, and the
 * client recovers everything skipped with getDifference.
 */
export class PushBacklog {
  readonly #muted = new WeakSet<ServerSession>();
  /** updatesTooLong sent, and pushes left out for it (for tests and the bench). */
  readonly stats = { tooLong: 0, skipped: 0 };

  constructor(readonly limit: number) {}

  /** Queues `updates` in the session's `layer` (answers and pushes speak the layer its key announced). */
  push(session: ServerSession, updates: TypeUpdates, layer: number | undefined): void {
    if (this.#muted.has(session)) {
      if (session.pushes.count > 0) {
        this.stats.skipped++;
        return;
      }
      this.#muted.delete(session);
    }
    if (session.pushes.count >= this.limit) {
      this.#muted.add(session);
      this.stats.tooLong++;
      this.stats.skipped++;
      session.queuePush(encodeResult({ _: "updatesTooLong" }, layer));
      return;
    }
    session.queuePush(encodeResult(updates, layer));
  }

  /** The session fetched the difference: it is in sync as of this answer. */
  caughtUp(session: ServerSession): void {
    session.pushes.clear();
    this.#muted.delete(session);
  }
}
