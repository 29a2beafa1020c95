// Runs rpc-load-worker.ts in a child process for one library and reads its results.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { withTimeout, type LoadResult } from "./rpc-measure.js";
import type { LoadWorkerInput, LoadWorkerOutput } from "./rpc-load-worker.js";
import type { BenchServer } from "./rpc-server.js";

const WORKER = fileURLToPath(new URL("./rpc-load-worker.ts", import.meta.url));

export interface IsolatedLoadOptions {
  readonly inFlight: readonly number[];
  readonly loadMs: number;
  readonly warmUpMs: number;
  readonly maxCalls: number;
  readonly budgetMs: number;
}

/** Results by in-flight level, from a fresh process that ran only `column`'s client. */
export async function runIsolatedLoad(
  column: string,
  server: BenchServer,
  options: IsolatedLoadOptions,
): Promise<Map<number, LoadResult>> {
  const input: LoadWorkerInput = {
    column,
    server: {
      endpoints: server.endpoints,
      publicKeyPem: server.publicKeyPem,
      fingerprint: server.fingerprint.toString(),
    },
    inFlight: options.inFlight,
    loadMs: options.loadMs,
    warmUpMs: options.warmUpMs,
    maxCalls: options.maxCalls,
  };
  const child = spawn(process.execPath, ["--import", "tsx", WORKER], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, MTKIT_BENCH_LOAD: JSON.stringify(input) },
  });
  let stdout = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    stdout += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  try {
    const code = await withTimeout(exited, options.budgetMs, `${column} load process`);
    const line = stdout.trim().split("\n").pop() ?? "";
    if (line === "") throw new Error(`${column} load process exited with ${String(code)} and printed nothing`);
    const output = JSON.parse(line) as LoadWorkerOutput;
    if ("error" in output) throw new Error(output.error);
    return new Map(Object.entries(output.results).map(([level, result]) => [Number(level), result]));
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
}
