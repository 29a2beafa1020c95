import type { DriverTimers } from "../../src/index.js";

/** Real timers, counted, so a test can check that close() leaves none behind. */
export function countingTimers(): DriverTimers & { readonly active: Set<unknown> } {
  const active = new Set<unknown>();
  return {
    active,
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
