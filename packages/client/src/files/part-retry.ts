import { RpcError } from "../errors/rpc-error.js";
import { CancelledError } from "../retry/cancelled-error.js";
import { FileTransferError } from "./file-transfer-error.js";

/** Attempts per part for failures the client's retry policy does not cover (timeouts, lost connections). */
export const PART_ATTEMPTS = 4;

/**
 * Runs one part request; retries it when it failed for a reason that is not the server's verdict
 * (an rpc_error was already retried by the client's policy where that made sense) nor a cancel.
 */
export async function withPartRetries<T>(attempt: () => Promise<T>, signal: AbortSignal): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      // A FileTransferError is a verdict on what the server sent (a tampered part, a wrong length): never retried away.
      if (
        signal.aborted ||
        error instanceof RpcError ||
        error instanceof CancelledError ||
        error instanceof FileTransferError ||
        tries >= PART_ATTEMPTS
      )
        throw error;
    }
  }
}

/** A controller that also fires when the caller's signal does; `dispose` detaches it. */
export function transferController(
  signal: AbortSignal | undefined,
  prepare?: (signal: AbortSignal) => void,
): { readonly controller: AbortController; readonly dispose: () => void } {
  const controller = new AbortController();
  prepare?.(controller.signal);
  if (signal === undefined) return { controller, dispose: () => undefined };
  const onAbort = (): void => {
    controller.abort(new CancelledError("ABORTED", signal.reason));
  };
  if (signal.aborted) onAbort();
  else signal.addEventListener("abort", onAbort, { once: true });
  return {
    controller,
    dispose: () => {
      signal.removeEventListener("abort", onAbort);
    },
  };
}

/** The error to report: a cancel by the caller wins over the failures it caused in the parts. */
export function transferError(controller: AbortController, error: unknown): unknown {
  const reason: unknown = controller.signal.reason;
  return reason instanceof CancelledError ? reason : error;
}
