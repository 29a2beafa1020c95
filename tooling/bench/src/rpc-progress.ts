// Progress and bounds for the rpc benchmark: every phase logs its start and end to stderr and has
// a time budget, so a stuck client shows up as a named phase that failed, never as a silent hang.
import { withTimeout } from "./rpc-measure.js";

// Set by the first message, so under run-all.ts the clock still starts with this suite.
let started: number | undefined;

export function progress(message: string): void {
  started ??= performance.now();
  process.stderr.write(`[rpc ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}\n`);
}

/** Failures by phase, printed under the table. */
export const failures: string[] = [];

/**
 * Runs `fn` within `budgetMs`. A failure or timeout is logged and recorded, and the phase yields
 * undefined: the figure becomes "n/a" and the run goes on. Work still running after a timeout is
 * cut off when its clients are closed at the end.
 */
export async function phase<T>(name: string, budgetMs: number, fn: () => Promise<T>): Promise<T | undefined> {
  progress(`${name} ...`);
  const begin = performance.now();
  try {
    const result = await withTimeout(fn(), budgetMs, name);
    progress(`${name}: done in ${((performance.now() - begin) / 1000).toFixed(1)} s`);
    return result;
  } catch (error) {
    const message = `${name}: ${error instanceof Error ? error.message : String(error)}`;
    progress(`FAILED ${message}`);
    failures.push(message);
    return undefined;
  }
}

/**
 * After the last figure the process should exit by itself. If a handle keeps it alive (a timer or
 * socket a client did not close), say which kinds are left and exit anyway. unref(): the watchdog
 * never keeps the process alive on its own.
 */
export function exitWatchdog(graceMs: number): void {
  setTimeout(() => {
    progress(
      `still running ${graceMs} ms after the end; open resources: ${process.getActiveResourcesInfo().join(", ")}; exiting`,
    );
    process.exit(failures.length === 0 ? 0 : 1);
  }, graceMs).unref();
}
