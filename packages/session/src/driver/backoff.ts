/** Exponential reconnect backoff with jitter from the injected randomness: 0.5 s, 1 s, 2 s ... capped. */
export interface BackoffOptions {
  readonly initialMs?: number;
  readonly maxMs?: number;
}

export function backoffDelay(attempt: number, random01: number, options: BackoffOptions = {}): number {
  const initial = options.initialMs ?? 500;
  const max = options.maxMs ?? 30_000;
  const base = Math.min(max, initial * 2 ** Math.min(attempt, 20));
  // ±25% jitter so many clients do not reconnect in lockstep.
  return Math.round(base * (0.75 + random01 * 0.5));
}
