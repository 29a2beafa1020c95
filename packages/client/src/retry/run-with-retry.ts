import { RpcError } from "../errors/rpc-error.js";
import type { Sleep } from "./abortable-sleep.js";
import { cancellationError, type ClientLifetime } from "./client-lifetime.js";
import { linkSignals } from "./linked-signal.js";
import { decideRetry, INITIAL_RETRY_STATE, type RetryPolicy } from "./retry-policy.js";

/** Reported before every wait, so a FLOOD_WAIT is never silent. */
export interface RetryWaitEvent {
  readonly type: "wait";
  readonly cause: "flood" | "server_error";
  readonly method: string | undefined;
  readonly error: RpcError;
  readonly delayMs: number;
  /** 1 for the first retry. */
  readonly retry: number;
}

/** Reported when an error is thrown although the policy knows it (e.g. a flood wait above the threshold). */
export interface RetryGiveUpEvent {
  readonly type: "give_up";
  readonly reason: "flood_over_threshold" | "retries_exhausted";
  readonly method: string | undefined;
  readonly error: RpcError;
}

export type RetryEvent = RetryWaitEvent | RetryGiveUpEvent;

export interface RetryRunOptions {
  readonly policy: RetryPolicy;
  readonly sleep: Sleep;
  readonly random: () => number;
  /** The client's lifetime: ending it stops the run at once. */
  readonly lifetime: ClientLifetime;
  /** The caller's own cancellation. */
  readonly signal?: AbortSignal;
  readonly method?: string;
  readonly onEvent?: (event: RetryEvent) => void;
  /**
   * The first attempt already ran (outside this runner, on the caller's fast path) and failed with
   * this error: decide about it first, so its FLOOD_WAIT is honoured before the next attempt.
   */
  readonly firstFailure?: { readonly error: unknown };
}

/** Rejects when `signal` fires, so an attempt that ignores its signal still cannot hold us. */
function raceWithSignal<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      reject(cancellationError(signal));
    };
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => {
      signal.removeEventListener("abort", onAbort);
    });
  });
}

// A function, not an inline check: the signal may have fired while we awaited.
function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw cancellationError(signal);
}

/**
 * Runs `attempt` until it succeeds or the policy says throw. Every attempt gets the combined
 * signal (client lifetime + caller), and every wait and attempt rejects with `CancelledError`
 * the moment either fires.
 */
export async function runWithRetry<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  options: RetryRunOptions,
): Promise<T> {
  const linked = linkSignals([options.lifetime.signal, options.signal]);
  try {
    return await retryLoop(attempt, options, linked.signal);
  } finally {
    // Detach from the long-lived lifetime signal: nothing of this request stays referenced.
    linked.dispose();
  }
}

async function retryLoop<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  options: RetryRunOptions,
  signal: AbortSignal,
): Promise<T> {
  let state = INITIAL_RETRY_STATE;
  let failure = options.firstFailure;
  for (let retry = 1; ; retry++) {
    if (failure === undefined) {
      throwIfCancelled(signal);
      try {
        return await raceWithSignal(attempt(signal), signal);
      } catch (error) {
        failure = { error };
      }
    }
    const { error } = failure;
    failure = undefined;
    throwIfCancelled(signal);
    const decision = decideRetry(error, state, options.policy, options.random);
    if (decision.action === "throw") {
      if (
        error instanceof RpcError &&
        (decision.reason === "flood_over_threshold" || decision.reason === "retries_exhausted")
      ) {
        options.onEvent?.({ type: "give_up", reason: decision.reason, method: options.method, error });
      }
      throw error;
    }
    options.onEvent?.({
      type: "wait",
      cause: decision.cause,
      method: options.method,
      error: error as RpcError,
      delayMs: decision.delayMs,
      retry,
    });
    await raceWithSignal(options.sleep(decision.delayMs, signal), signal);
    state = decision.next;
  }
}
