// One library's idle-RSS figure in a fresh process (spawned by idle-rss.bench.ts): connect a few
// clients so the library's code is loaded and optimised, settle, read RSS; connect `count` more, let
// them idle, settle, read RSS again. Prints the growth per client as one JSON line.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { COLUMNS } from "./rpc-columns.js";
import type { BenchClient } from "./rpc-clients.js";
import { withTimeout } from "./rpc-measure.js";
import type { BenchServer } from "./rpc-server.js";

/** What the parent passes in `MTKIT_BENCH_IDLE_RSS` (JSON). */
export interface IdleRssWorkerInput {
  readonly column: string;
  readonly server: {
    readonly endpoints: BenchServer["endpoints"];
    readonly publicKeyPem: string;
    readonly fingerprint: string;
  };
  readonly count: number;
  readonly idleMs: number;
}

export type IdleRssWorkerOutput =
  { readonly rssPerClient: number; readonly heapPerClient: number } | { readonly error: string };

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

export const WARM_CLIENTS = 3;
/** Clients connecting at once: mtcute waits ~1 s after each new key, 50 in a row would take a minute. */
const BATCH = 10;
const STEP_TIMEOUT_MS = 30_000;

async function settled(): Promise<{ rss: number; heap: number }> {
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const usage = process.memoryUsage();
  return { rss: usage.rss, heap: usage.heapUsed + usage.external };
}

async function main(input: IdleRssWorkerInput, clients: BenchClient[]): Promise<IdleRssWorkerOutput> {
  const connect = COLUMNS.find(([name]) => name === input.column)?.[1];
  if (connect === undefined) return { error: `unknown column ${input.column}` };
  const server: BenchServer = {
    endpoints: input.server.endpoints,
    publicKeyPem: input.server.publicKeyPem,
    fingerprint: BigInt(input.server.fingerprint),
    where: "child process",
    close: () => Promise.resolve(),
  };
  const connectBatch = async (n: number): Promise<void> => {
    const batch = await withTimeout(
      Promise.all(Array.from({ length: n }, () => connect(server))),
      STEP_TIMEOUT_MS,
      `connecting ${n} clients`,
    );
    clients.push(...batch);
  };
  await connectBatch(WARM_CLIENTS);
  // The same idle pause and settling on both sides: a library whose warm-up left garbage behind
  // (GramJS's big-integer RSA) otherwise returns pages to the system between the two readings.
  await new Promise((resolve) => setTimeout(resolve, input.idleMs));
  const before = await settled();
  for (let done = 0; done < input.count; done += BATCH) await connectBatch(Math.min(BATCH, input.count - done));
  await new Promise((resolve) => setTimeout(resolve, input.idleMs));
  const after = await settled();
  return {
    rssPerClient: (after.rss - before.rss) / input.count,
    heapPerClient: (after.heap - before.heap) / input.count,
  };
}

const raw = process.env.MTKIT_BENCH_IDLE_RSS;
if (raw === undefined)
  throw new Error("idle-rss-worker.ts is started by idle-rss.bench.ts (MTKIT_BENCH_IDLE_RSS unset)");
const clients: BenchClient[] = [];
const output = await main(JSON.parse(raw) as IdleRssWorkerInput, clients).catch(
  (error: unknown): IdleRssWorkerOutput => ({ error: error instanceof Error ? error.message : String(error) }),
);
process.stdout.write(`${JSON.stringify(output)}\n`);
await withTimeout(Promise.allSettled(clients.map((c) => c.close())), STEP_TIMEOUT_MS, "closing").catch(() => undefined);
// Peers may leave handles behind (GramJS); the figure is out, so go.
process.exit(0);
