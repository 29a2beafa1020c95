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

/** Thrown when a bounded step of the benchmark takes too long. */
export class BenchTimeoutError extends Error {
  override readonly name = "BenchTimeoutError";
  readonly code = "BENCH_TIMEOUT";
}

/** Rejects when `promise` takes longer than `ms`, so a stuck client cannot hang the run. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new BenchTimeoutError(`${what}: not done within ${ms} ms`));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => {
    clearTimeout(timer);
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/**
 * `inFlight` workers each send help.getNearestDc, wait for the answer and send the next, until
 * `durationMs` has passed or `maxCalls` were sent. Latency is per call; throughput is answers / time.
 */
export async function runLoad(
  client: BenchClient,
  inFlight: number,
  durationMs: number,
  maxCalls: number,
): Promise<LoadResult> {
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
        await withTimeout(client.getNearestDc(), CALL_TIMEOUT_MS, "help.getNearestDc");
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

/**
 * Median time from a fresh client to its first answer, over `runs` sequential clients. Closing
 * each client is bounded too but not timed.
 */
export async function handshakeMedianMs(
  runs: number,
  connect: () => Promise<Pick<BenchClient, "close">>,
  stepTimeoutMs: number,
): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const begin = performance.now();
    const client = await withTimeout(connect(), stepTimeoutMs, `handshake ${i + 1} of ${runs}`);
    times.push(performance.now() - begin);
    await withTimeout(client.close(), stepTimeoutMs, `close after handshake ${i + 1} of ${runs}`);
  }
  times.sort((a, b) => a - b);
  return percentile(times, 0.5);
}

// gc() without requiring `node --expose-gc`, so run-all.ts can import this suite as it is.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const SETTLE_ROUNDS = 4;
const SETTLE_PAUSE_MS = 100;

/** Heap + external after full collections; the pauses let freed ArrayBuffer backing stores go. */
async function settledBytes(): Promise<number> {
  for (let i = 0; i < SETTLE_ROUNDS; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, SETTLE_PAUSE_MS));
  }
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

export interface IdleMemory {
  /** (heap + external) growth while connecting the clients, / count: the table figure. */
  readonly growthBytes: number;
  /** (heap + external) released when they are closed and dropped, / count. */
  readonly heldBytes: number;
}

/**
 * Connects `count` clients one after another into `clients`, measures, then closes and drops them
 * and measures again. `growthBytes` is what K more idle clients cost; run it once the library's
 * code is warm, or compiled code and feedback of its first clients count as client state.
 * `heldBytes` is what closing them gives back (less than the growth for a library that keeps
 * closed clients reachable). On failure the caller closes what is left in `clients`.
 */
export async function idleBytesPerClient(
  count: number,
  connect: () => Promise<BenchClient>,
  clients: BenchClient[],
  stepTimeoutMs: number,
): Promise<IdleMemory> {
  const before = await settledBytes();
  for (let i = 0; i < count; i++)
    clients.push(await withTimeout(connect(), stepTimeoutMs, `client ${i + 1} of ${count}`));
  const idle = await settledBytes();
  await withTimeout(Promise.all(clients.splice(0).map((c) => c.close())), stepTimeoutMs, "closing idle clients");
  const closed = await settledBytes();
  return { heldBytes: (idle - closed) / count, growthBytes: (idle - before) / count };
}
