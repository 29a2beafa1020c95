// One library's load phase in a process of its own (spawned by rpc-isolated-load.ts): connect one
// client, warm it up, run every in-flight level, print the results as one JSON line on stdout.
// A fresh process per library keeps one library's heap, timers and background loops from taxing
// the next one's figures (in one shared process the same client measured 20% apart by order).
import { COLUMNS } from "./rpc-columns.js";
import { runLoad, withTimeout, type LoadResult } from "./rpc-measure.js";
import type { BenchServer } from "./rpc-server.js";

/** What the parent passes in `MTKIT_BENCH_LOAD` (JSON). */
export interface LoadWorkerInput {
  readonly column: string;
  readonly server: {
    readonly endpoints: BenchServer["endpoints"];
    readonly publicKeyPem: string;
    readonly fingerprint: string;
  };
  readonly inFlight: readonly number[];
  readonly loadMs: number;
  readonly warmUpMs: number;
  readonly maxCalls: number;
}

export type LoadWorkerOutput = { readonly results: Record<string, LoadResult> } | { readonly error: string };

async function main(input: LoadWorkerInput): Promise<LoadWorkerOutput> {
  const connect = COLUMNS.find(([name]) => name === input.column)?.[1];
  if (connect === undefined) return { error: `unknown column ${input.column}` };
  const server: BenchServer = {
    endpoints: input.server.endpoints,
    publicKeyPem: input.server.publicKeyPem,
    fingerprint: BigInt(input.server.fingerprint),
    where: "child process",
    close: () => Promise.resolve(),
  };
  const client = await withTimeout(connect(server), 15_000, "connect");
  try {
    await runLoad(client, 100, input.warmUpMs, input.maxCalls);
    const results: Record<string, LoadResult> = {};
    for (const inFlight of input.inFlight)
      results[String(inFlight)] = await runLoad(client, inFlight, input.loadMs, input.maxCalls);
    return { results };
  } finally {
    await withTimeout(client.close(), 15_000, "close");
  }
}

const raw = process.env.MTKIT_BENCH_LOAD;
if (raw === undefined)
  throw new Error("rpc-load-worker.ts is started by rpc-isolated-load.ts (MTKIT_BENCH_LOAD unset)");
const output = await main(JSON.parse(raw) as LoadWorkerInput).catch((error: unknown): LoadWorkerOutput => ({
  error: error instanceof Error ? error.message : String(error),
}));
process.stdout.write(`${JSON.stringify(output)}\n`);
// Peers may leave handles behind (GramJS); the figures are out, so go.
process.exit(0);
