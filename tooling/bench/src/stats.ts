// Small statistics shared by the bench scripts, so every table computes its figures the same way.
import { do_not_optimize } from "mitata";

/** The median (mean of the two middle values for an even count); NaN for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[(sorted.length - 1) >> 1]! + sorted[sorted.length >> 1]!) / 2;
}

/** `median (min-max)` with one decimal. */
export function spread(values: readonly number[]): string {
  return `${median(values).toFixed(1)} (${Math.min(...values).toFixed(1)}-${Math.max(...values).toFixed(1)})`;
}

/**
 * Runs `fn` for `wallMs` of wall time and returns how many calls it made and the process CPU time
 * they took (user + system, microseconds): CPU time, because these 2 cores are shared.
 */
export function callsInCpuTime(fn: () => unknown, wallMs: number): { calls: number; cpuMicros: number } {
  const start = process.cpuUsage();
  const started = performance.now();
  let calls = 0;
  while (performance.now() - started < wallMs) {
    do_not_optimize(fn());
    calls++;
  }
  const used = process.cpuUsage(start);
  return { calls, cpuMicros: used.user + used.system };
}
