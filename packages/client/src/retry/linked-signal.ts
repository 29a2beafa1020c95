import { cancellationError } from "./client-lifetime.js";

/** A signal that fires when any source fires, plus `dispose()` to detach it once the work is done. */
export interface LinkedSignal {
  readonly signal: AbortSignal;
  dispose(): void;
}

/**
 * Like `AbortSignal.any`, but with explicit cleanup. Combining the client's long-lived lifetime
 * signal with a fresh one per request through `AbortSignal.any` keeps every combined signal
 * referenced from the long-lived one in several runtimes (nodejs/node#55351, denoland/deno#24842):
 * memory that grows with each request in a long-running client. Here the listeners come off in
 * `dispose()`.
 */
export function linkSignals(sources: readonly (AbortSignal | undefined)[]): LinkedSignal {
  const controller = new AbortController();
  const present = sources.filter((s): s is AbortSignal => s !== undefined);
  const already = present.find((s) => s.aborted);
  if (already !== undefined) {
    controller.abort(cancellationError(already));
    return { signal: controller.signal, dispose: () => undefined };
  }
  const listeners = present.map((source) => {
    const onAbort = (): void => {
      controller.abort(cancellationError(source));
    };
    source.addEventListener("abort", onAbort, { once: true });
    return () => {
      source.removeEventListener("abort", onAbort);
    };
  });
  return {
    signal: controller.signal,
    dispose: () => {
      for (const remove of listeners) remove();
    },
  };
}
