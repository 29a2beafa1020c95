import { CancelledError } from "./cancelled-error.js";

/**
 * The cancellation token a client owns for one connect..disconnect span. Every wait, retry and
 * request started by the client listens to `signal`, so nothing can outlive `disconnect()`
 * (the "TIMEOUT loop after disconnect" complaint of other libraries). A new `connect()` makes a new one.
 */
export class ClientLifetime {
  readonly #controller = new AbortController();

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get ended(): boolean {
    return this.#controller.signal.aborted;
  }

  /** Ends the lifetime: pending waits reject with `CancelledError("DISCONNECTED")`. Idempotent. */
  end(reason?: unknown): void {
    if (!this.ended) this.#controller.abort(new CancelledError("DISCONNECTED", reason));
  }
}

/** Turns an aborted signal into the error to throw: ours when we ended it, `ABORTED` otherwise. */
export function cancellationError(signal: AbortSignal): CancelledError {
  const reason: unknown = signal.reason;
  return reason instanceof CancelledError ? reason : new CancelledError("ABORTED", reason);
}
