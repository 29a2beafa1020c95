// Handshake in a fresh process (issue 15): each run is a new Node process that loads the client,
// connects a fresh client (no auth key) and makes its first call, against one test server in a
// child process. Prints wall and client CPU (median of RUNS, min-max), the library's load cost apart,
// and the warm figure (the same connect repeated in this process after a warm-up).
// Run: pnpm --filter @mtkit/bench run bench:handshake
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { connectMtkitClientPfs } from "./rpc-clients.js";
import { withTimeout } from "./rpc-measure.js";
import { startBenchServer, type BenchServer } from "./rpc-server.js";
import type { HandshakeTimes, HandshakeWorkerInput, HandshakeWorkerOutput } from "./handshake-worker.js";
import { median, spread } from "./stats.js";

const WORKER = fileURLToPath(new URL("./handshake-worker.ts", import.meta.url));
const RUNS = Number(process.env.HANDSHAKE_RUNS ?? 7);
const COLUMNS: HandshakeWorkerInput["column"][] = ["mtkit client (PFS)", "mtkit client", "mtcute"];

async function freshProcess(column: HandshakeWorkerInput["column"], server: BenchServer): Promise<HandshakeTimes> {
  const input: HandshakeWorkerInput = {
    column,
    server: {
      endpoints: server.endpoints,
      publicKeyPem: server.publicKeyPem,
      fingerprint: server.fingerprint.toString(),
    },
  };
  const child = spawn(process.execPath, ["--import", "tsx", WORKER], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, MTKIT_BENCH_HANDSHAKE: JSON.stringify(input) },
  });
  let stdout = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    stdout += chunk;
  });
  try {
    await withTimeout(new Promise((resolve) => child.once("exit", resolve)), 60_000, `${column} handshake process`);
    const output = JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as HandshakeWorkerOutput;
    if ("error" in output) throw new Error(output.error);
    return output;
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
}

const server = await startBenchServer(false);
try {
  const runs = new Map<string, HandshakeTimes[]>(COLUMNS.map((c) => [c, []]));
  // Interleaved: A B C A B C ..., so a busy moment of the shared machine hits every column alike.
  // A run that fails or overruns (mtcute's process on a machine at load 20+) is reported and left out,
  // so one slow process does not lose every other figure of the suite.
  const failed: string[] = [];
  for (let i = 0; i < RUNS; i++)
    for (const column of COLUMNS) {
      try {
        runs.get(column)!.push(await freshProcess(column, server));
      } catch (error) {
        failed.push(`${column}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  const warm: number[] = [],
    warmCpu: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const start = performance.now(),
      cpu = process.cpuUsage();
    const client = await connectMtkitClientPfs(server);
    const u = process.cpuUsage(cpu);
    if (i >= 3) {
      warm.push(performance.now() - start);
      warmCpu.push((u.user + u.system) / 1000);
    }
    await client.close();
  }
  console.log(
    `handshake in a fresh process, ${RUNS} runs per column interleaved, median (min-max), ms; node ${process.version}`,
  );
  console.log(`${"".padEnd(22)} ${"wall".padEnd(20)} ${"client CPU".padEnd(20)} ${"load wall".padEnd(20)} load CPU`);
  for (const failure of failed) console.log(`FAILED run left out: ${failure}`);
  for (const [column, times] of runs) {
    if (times.length === 0) continue;
    const cells = [
      times.map((t) => t.handshakeWallMs),
      times.map((t) => t.handshakeCpuMs),
      times.map((t) => t.loadWallMs),
      times.map((t) => t.loadCpuMs),
    ].map((xs) => spread(xs).padEnd(20));
    console.log(`${column.padEnd(22)} ${cells.join(" ")}`);
  }
  console.log(`${"mtkit client (PFS) warm".padEnd(22)} ${spread(warm).padEnd(20)} ${spread(warmCpu)}`);
  const pfs = runs.get("mtkit client (PFS)")!,
    peer = runs.get("mtcute")!;
  const ratio = (f: (t: HandshakeTimes) => number): string => (median(pfs.map(f)) / median(peer.map(f))).toFixed(2);
  console.log(
    `ratio mtkit (PFS) / mtcute (no PFS): wall ${ratio((t) => t.handshakeWallMs)}x, CPU ${ratio((t) => t.handshakeCpuMs)}x; goal: wall <= 50 ms, CPU <= 30 ms (wall and CPU from connect() to the first answer)`,
  );
} finally {
  await server.close();
}
