// Idle RSS per connected client (issue 15): for each library, a fresh process connects a few clients
// (code loaded and optimised), then COUNT more against one test server in a child process, lets them
// idle and reports the resident-set growth per client after full GCs (idle-rss-worker.ts). Rounds
// are interleaved across libraries; the median and the spread are printed with the ratio to mtcute.
// Run: pnpm --filter @mtkit/bench run bench:idle-rss
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { IdleRssWorkerInput, IdleRssWorkerOutput } from "./idle-rss-worker.js";
import { withTimeout } from "./rpc-measure.js";
import { startBenchServer, type BenchServer } from "./rpc-server.js";
import { MTKIT_CLIENT } from "./rpc-table.js";
import { median } from "./stats.js";

const WORKER = fileURLToPath(new URL("./idle-rss-worker.ts", import.meta.url));
const COUNT = Number(process.env.IDLE_RSS_CLIENTS ?? 50);
const ROUNDS = Number(process.env.IDLE_RSS_ROUNDS ?? 3);
const IDLE_MS = 2000;
const LIBRARIES = [MTKIT_CLIENT, "mtcute", "GramJS"] as const;
const KIB = 1024;

async function runWorker(column: string, server: BenchServer): Promise<{ rss: number; heap: number }> {
  const input: IdleRssWorkerInput = {
    column,
    server: {
      endpoints: server.endpoints,
      publicKeyPem: server.publicKeyPem,
      fingerprint: server.fingerprint.toString(),
    },
    count: COUNT,
    idleMs: IDLE_MS,
  };
  const child = spawn(process.execPath, ["--import", "tsx", WORKER], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, MTKIT_BENCH_IDLE_RSS: JSON.stringify(input) },
  });
  let stdout = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    stdout += chunk;
  });
  try {
    await withTimeout(new Promise((resolve) => child.once("exit", resolve)), 120_000, `${column} idle-RSS process`);
    const output = JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as IdleRssWorkerOutput;
    if ("error" in output) throw new Error(`${column}: ${output.error}`);
    return { rss: output.rssPerClient, heap: output.heapPerClient };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
}

const kib = (x: number): string => (x / KIB).toFixed(1);

const server = await startBenchServer(false);
try {
  const figures = new Map<string, { rss: number[]; heap: number[] }>(LIBRARIES.map((l) => [l, { rss: [], heap: [] }]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const library of LIBRARIES) {
      try {
        const { rss, heap } = await runWorker(library, server);
        figures.get(library)!.rss.push(rss);
        figures.get(library)!.heap.push(heap);
      } catch (error) {
        console.log(`FAILED ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  console.log(
    `\nidle RSS per connected client: ${COUNT} more clients after 3 warm ones, ${IDLE_MS} ms idle, growth after full GCs / ${COUNT}; each library in a fresh process, ${ROUNDS} rounds interleaved; KiB, median (min-max)`,
  );
  const mtcute = median(figures.get("mtcute")!.rss);
  for (const [library, { rss, heap }] of figures) {
    if (rss.length === 0) continue;
    const vs = library === "mtcute" ? "" : `   ${(median(rss) / mtcute).toFixed(2)}x mtcute`;
    console.log(
      `  ${library.padEnd(13)} RSS ${kib(median(rss)).padStart(6)} (${kib(Math.min(...rss))}-${kib(Math.max(...rss))})   heap+external ${kib(median(heap)).padStart(6)}${vs}`,
    );
  }
} finally {
  await server.close();
}
