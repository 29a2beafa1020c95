/**
 * An AbortSignal that aborts when any input does. Uses `AbortSignal.any` where it exists
 * (Node >= 20.3, recent browsers) and a small listener-based fallback elsewhere.
 */
export function anySignal(signals: readonly AbortSignal[]): AbortSignal {
  const native = (AbortSignal as { any?: (signals: AbortSignal[]) => AbortSignal }).any;
  if (native !== undefined) return native.call(AbortSignal, [...signals]);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener(
      "abort",
      () => {
        controller.abort(signal.reason);
      },
      { once: true },
    );
  }
  return controller.signal;
}
