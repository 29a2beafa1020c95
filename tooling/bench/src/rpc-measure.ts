// Measurement loops of the rpc benchmark: closed-loop load with a fixed number of requests in flight,
// handshake timing, and idle memory per connected client. Every loop is bounded by count and time.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { BenchClient } from "./rpc-clients.js";

export interface LoadResult {
  readonly callsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly completed: number;
  /** First failure (a peer's own limit, a timeout), if any call failed. */
  readonly error?: string;
}

const CALL_TIMEOUT_MS = 20_000;

/** Rejects when `promise` takes longer than CALL_TIMEOUT_MS, so a stuck peer cannot hang the run. */
function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => { reject(new Error(`no answer within ${CALL_TIMEOUT_MS} ms`)); }, CALL_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => { clearTimeout(timer); });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/**
 * `inFlight` workers each send help.getNearestDc, wait for the answer and send the next, until
 * `durationMs` has passed or `maxCalls` were sent. Latency is per call; throughput is answers / time.
 */
export async function runLoad(client: BenchClient, inFlight: number, durationMs: number, maxCalls: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let sent = 0;
  let error: string | undefined;
  const start = performance.now();
  const deadline = start + durationMs;
  const worker = async (): Promise<void> => {
    while (error === undefined && sent < maxCalls && performance.now() < deadline) {
      sent++;
      const begin = performance.now();
      try {
        await withTimeout(client.getNearestDc());
      } catch (cause) {
        error ??= cause instanceof Error ? cause.message : String(cause);
        return;
      }
      latencies.push(performance.now() - begin);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const elapsed = performance.now() - start;
  latencies.sort((a, b) => a - b);
  return {
    callsPerSecond: (latencies.length / elapsed) * 1000,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    completed: latencies.length,
    ...(error === undefined ? {} : { error }),
  };
}

/** Median wall time of `runs` sequential runs of `fn`. */
export async function medianMs(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const begin = performance.now();
    await fn();
    times.push(performance.now() - begin);
  }
  times.sort((a, b) => a - b);
  return percentile(times, 0.5);
}

// gc() without requiring `node --expose-gc`, so run-all.ts can import this suite as it is.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

async function settledBytes(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

/**
 * Connects `count` clients one after another and returns (heap + external delta) / count in bytes,
 * plus the clients so the caller closes them. The in-process server's state for each connection is
 * included in the delta (the same server code for every client library).
 */
export async function idleBytesPerClient(count: number, connect: () => Promise<BenchClient>): Promise<{ bytes: number; clients: BenchClient[] }> {
  const before = await settledBytes();
  const clients: BenchClient[] = [];
  for (let i = 0; i < count; i++) clients.push(await connect());
  const after = await settledBytes();
  return { bytes: (after - before) / count, clients };
}
