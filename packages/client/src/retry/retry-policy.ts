import { RpcError } from "../errors/rpc-error.js";

/** Knobs of the retry policy. https://core.telegram.org/api/errors#420-flood */
export interface RetryPolicy {
  /** FLOOD_WAIT / FLOOD_PREMIUM_WAIT / SLOWMODE_WAIT up to this many seconds are slept through; longer ones throw. */
  readonly floodSleepThresholdSeconds: number;
  /** How many flood waits one request may sleep through before the error is thrown anyway. */
  readonly maxFloodWaits: number;
  /** How many times a 500 / -500 / -503 is retried. */
  readonly maxServerErrorRetries: number;
  /** First backoff delay for server errors; doubles each time, with full jitter. */
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  floodSleepThresholdSeconds: 10,
  maxFloodWaits: 3,
  maxServerErrorRetries: 5,
  backoffBaseMs: 500,
  backoffMaxMs: 16_000,
};

/** What happened so far to one request. */
export interface RetryState {
  readonly floodWaits: number;
  readonly serverErrorRetries: number;
}

export const INITIAL_RETRY_STATE: RetryState = { floodWaits: 0, serverErrorRetries: 0 };

export type RetryDecision =
  | {
      readonly action: "wait";
      readonly cause: "flood" | "server_error";
      readonly delayMs: number;
      readonly next: RetryState;
    }
  | {
      readonly action: "throw";
      readonly reason: "not_rpc_error" | "not_retryable" | "flood_over_threshold" | "retries_exhausted";
    };

/**
 * Pure: decides whether a failed attempt is retried and after how long. `random` in [0, 1) is
 * injected so tests pin the jitter. Migrations and auth errors are not retried here: the client
 * handles them (they need a different connection), so they come back as `throw`.
 */
export function decideRetry(
  error: unknown,
  state: RetryState,
  policy: RetryPolicy,
  random: () => number,
): RetryDecision {
  if (!(error instanceof RpcError)) return { action: "throw", reason: "not_rpc_error" };
  const verdict = error.classification;
  if (verdict.kind === "flood") {
    if (verdict.waitSeconds > policy.floodSleepThresholdSeconds)
      return { action: "throw", reason: "flood_over_threshold" };
    if (state.floodWaits >= policy.maxFloodWaits) return { action: "throw", reason: "retries_exhausted" };
    // FLOOD_WAIT_0 happens; waiting a full second keeps us from hammering the server.
    const delayMs = Math.max(1, verdict.waitSeconds) * 1000;
    return { action: "wait", cause: "flood", delayMs, next: { ...state, floodWaits: state.floodWaits + 1 } };
  }
  if (verdict.kind === "retryable") {
    if (state.serverErrorRetries >= policy.maxServerErrorRetries)
      return { action: "throw", reason: "retries_exhausted" };
    const ceiling = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** state.serverErrorRetries);
    // Full jitter (uniform in [ceiling/2, ceiling]) spreads reconnect storms after an outage.
    const delayMs = Math.round(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random(), 0), 1));
    return {
      action: "wait",
      cause: "server_error",
      delayMs,
      next: { ...state, serverErrorRetries: state.serverErrorRetries + 1 },
    };
  }
  return { action: "throw", reason: "not_retryable" };
}
