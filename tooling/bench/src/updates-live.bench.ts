// Live updates per second at the receiver: one @mtkit/test-server with the world in a child process
// (updates-live-server.ts); per library a receiver in a process of its own (updates-live-worker.ts)
// logs in, then the server's sender account posts N private messages to it as fast as it can
// (pushed as updateShortMessage, the same constructor in layers 198, 227 and 228). The figure is
// updates handled per second between the first and the last update the receiver's handler saw
// (mtkit `on("newMessage")`, mtcute `onNewMessage`, GramJS `NewMessage`). A receiver that does
// not get them all within the budget prints what it got instead of a rate.
// Run: pnpm --filter @mtkit/bench run bench:updates-live [-- --quick]   (--quick: 2,000 messages)
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { LiveServerInfo } from "./updates-live-server.js";
import type { LiveWorkerInput } from "./updates-live-worker.js";

// `--count N` for a longer stream: V8's compiler threads and the first unoptimised turns weigh less.
const countAt = process.argv.indexOf("--count");
const COUNT = countAt >= 0 ? Number(process.argv[countAt + 1]) : process.argv.includes("--quick") ? 2_000 : 20_000;
const BUDGET_MS = 60_000;
const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

const serverChild = spawn(process.execPath, ["--import", "tsx", here("./updates-live-server.ts")], {
  stdio: ["pipe", "pipe", "inherit"],
});
const serverLines = createInterface({ input: serverChild.stdout });
const serverAnswers: ((line: string) => void)[] = [];
serverLines.on("line", (line) => serverAnswers.shift()?.(line));
const nextServerLine = (ms: number): Promise<string> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error("the server did not answer in time"));
    }, ms);
    serverAnswers.push((line) => {
      clearTimeout(timer);
      resolve(line);
    });
  });
const server = JSON.parse(await nextServerLine(30_000)) as LiveServerInfo;

interface Row {
  readonly peer: string;
  readonly rate?: number;
  /** Updates per second of the receiver's own CPU time (user + system) between its first and last update. */
  readonly cpuRate?: number;
  /** The same over the main thread's CPU only (Linux): what is left without V8's GC and compiler threads. */
  readonly mainCpuRate?: number;
  readonly note: string;
}

async function receive(peer: LiveWorkerInput["peer"], phone: string): Promise<Row> {
  const input: LiveWorkerInput = { peer, phone, count: COUNT, budgetMs: BUDGET_MS, server };
  // MTKIT_BENCH_CPU_PROFILE=<dir>: each receiver writes a V8 CPU profile there (node --cpu-prof).
  const profile = process.env.MTKIT_BENCH_CPU_PROFILE;
  // MTKIT_BENCH_CPU_PROFILE_INTERVAL=<µs>: a finer sampling interval than V8's 1000 µs.
  const interval = process.env.MTKIT_BENCH_CPU_PROFILE_INTERVAL;
  const profiling =
    profile === undefined
      ? []
      : [
          "--cpu-prof",
          `--cpu-prof-dir=${profile}`,
          ...(interval === undefined ? [] : [`--cpu-prof-interval=${interval}`]),
        ];
  const child = spawn(process.execPath, [...profiling, "--import", "tsx", here("./updates-live-worker.ts")], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, MTKIT_BENCH_LIVE: JSON.stringify(input) },
  });
  const killer = setTimeout(() => child.kill("SIGKILL"), BUDGET_MS + 60_000);
  const lines: string[] = [];
  let wake: () => void = () => undefined;
  createInterface({ input: child.stdout }).on("line", (line) => {
    if (line.startsWith("{")) lines.push(line);
    wake();
  });
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => {
      resolve();
    });
  });
  const nextLine = async (): Promise<string | undefined> => {
    while (lines.length === 0) {
      const more = new Promise<void>((resolve) => {
        wake = resolve;
      });
      const woke = await Promise.race([more.then(() => "line"), exited.then(() => "exit")]);
      // The line may have arrived in the same turn as the exit.
      if (woke === "exit" && (lines as readonly string[]).length === 0) return undefined;
    }
    return lines.shift();
  };
  try {
    const ready = JSON.parse((await nextLine()) ?? '{"error":"exited"}') as { ready?: string; error?: string };
    if (ready.ready === undefined)
      return { peer, note: `did not log in: ${(ready.error ?? "?").replace(/\s+/g, " ").slice(0, 110)}` };
    const sent = nextServerLine(BUDGET_MS);
    serverChild.stdin.write(`send ${ready.ready} ${COUNT}\n`);
    const sendInfo = JSON.parse(await sent) as { cpuMs?: number };
    const result = JSON.parse((await nextLine()) ?? '{"error":"exited"}') as {
      handled?: number;
      ms?: number;
      cpuMs?: number;
      mainCpuMs?: number;
      error?: string;
    };
    if (result.handled === undefined || result.ms === undefined)
      return { peer, note: `failed: ${result.error ?? "?"}` };
    if (result.handled < COUNT)
      return {
        peer,
        note: `handled ${result.handled} of ${COUNT} within ${BUDGET_MS / 1000} s (cannot decode or lost the rest)`,
      };
    return {
      peer,
      rate: (result.handled - 1) / (result.ms / 1000),
      ...(result.cpuMs === undefined ? {} : { cpuRate: (result.handled - 1) / (result.cpuMs / 1000) }),
      ...(result.mainCpuMs === undefined || result.mainCpuMs <= 0
        ? {}
        : { mainCpuRate: (result.handled - 1) / (result.mainCpuMs / 1000) }),
      note: `server send CPU ${Math.round(sendInfo.cpuMs ?? 0)} ms`,
    };
  } finally {
    clearTimeout(killer);
    await exited;
  }
}

// `--only mtkit,mtcute` (names of receivers): only those, for looking into one library or one ratio.
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? "").split(",") : undefined;
const receivers = [
  ["mtkit", "9996610001"],
  ["mtkit-obfuscated", "9996610004"],
  ["mtcute", "9996610002"],
  ["GramJS", "9996610003"],
] as const;
const rows: Row[] = [];
for (const [peer, phone] of receivers)
  if (only === undefined || only.includes(peer)) rows.push(await receive(peer, phone));
serverChild.kill("SIGTERM");

const mtkitRow = rows.find((row) => row.peer === "mtkit");
const mtkit = mtkitRow?.rate;
console.log(
  `live updates: ${COUNT.toLocaleString("en")} private messages pushed to one online receiver, per library in its own process, server in a child process`,
);
for (const row of rows) {
  const ratio =
    mtkit !== undefined && row.rate !== undefined && row.peer !== "mtkit"
      ? `, mtkit/${row.peer} ${(mtkit / row.rate).toFixed(2)}x`
      : "";
  const perCpu =
    (row.cpuRate === undefined ? "" : `; ${Math.round(row.cpuRate).toLocaleString("en")} per receiver CPU second`) +
    (row.mainCpuRate === undefined
      ? ""
      : ` (${Math.round(row.mainCpuRate).toLocaleString("en")} per main-thread CPU s)`);
  console.log(
    `  ${row.peer.padEnd(16)} ${row.rate === undefined ? "n/a" : `${Math.round(row.rate).toLocaleString("en")} updates/s`}${ratio}${perCpu}  (${row.note})`,
  );
}
// Issue 10's figure: updates per second of the receiver's own CPU time, mtkit over each peer. The
// wall-clock rate is bound by the sender and the server (one process each) and by the machine's load.
const rowOf = (peer: string): Row | undefined => rows.find((row) => row.peer === peer);
for (const ours of ["mtkit", "mtkit-obfuscated"])
  for (const peer of ["mtcute", "GramJS"]) {
    const a = rowOf(ours);
    const b = rowOf(peer);
    if (a?.cpuRate === undefined || b?.cpuRate === undefined) continue;
    const main =
      a.mainCpuRate === undefined || b.mainCpuRate === undefined
        ? ""
        : `; main thread only ${(a.mainCpuRate / b.mainCpuRate).toFixed(2)}x`;
    console.log(
      `  per receiver CPU second: ${ours} / ${peer} = ${(a.cpuRate / b.cpuRate).toFixed(2)}x (goal >= 2x)${main}`,
    );
  }
