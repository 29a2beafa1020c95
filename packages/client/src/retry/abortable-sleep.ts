import { cancellationError } from "./client-lifetime.js";

/** Waits `ms`; rejects as soon as `signal` fires. Injected into the runner so tests use a fake clock. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** The real-timer implementation (the only place in this folder that touches a timer). */
export const abortableSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) {
      reject(cancellationError(signal));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancellationError(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
