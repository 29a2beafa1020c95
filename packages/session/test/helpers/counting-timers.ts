import type { DriverTimers } from "../../src/index.js";

/**
 * Real timers, counted, so a test can check that close() leaves none behind. With `clock` (the
 * default) they say what clock they run on, as the real timers do, so request deadlines share one
 * timer; without it the driver gives each request a timer of its own (hand-driven timers).
 */
export function countingTimers(options: { readonly clock?: boolean } = {}): DriverTimers & {
  readonly active: Set<unknown>;
} {
  const active = new Set<unknown>();
  return {
    active,
    ...(options.clock === false ? {} : { now: () => performance.now() }),
    setTimeout(callback, ms) {
      const handle = setTimeout(() => {
        active.delete(handle);
        callback();
      }, ms);
      active.add(handle);
      return handle;
    },
    clearTimeout(handle) {
      active.delete(handle);
      clearTimeout(handle as ReturnType<typeof setTimeout>);
    },
  };
}
