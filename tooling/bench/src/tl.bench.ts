// TL encode/decode of a messages.messages (100 messages + 50 users): mtkit vs mtcute vs GramJS.
// Run: pnpm --filter @mtkit/bench run bench:tl
//
// Each library is measured in its own fresh Node process (this file re-run as a worker), in turns
// over several rounds. In one shared process, the garbage and the large live heap GramJS leaves
// behind were charged to whichever library ran next, and that swung the ratios by 3x on this
// shared 2-core machine. Two measures: mitata's wall-clock time, and ops per CPU-second of the
// worker (process.cpuUsage, GC threads included), which other jobs on the machine disturb less.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { do_not_optimize, measure } from "mitata";
import { callsInCpuTime, median } from "./stats.js";
import type { TlBenchCases } from "./tl-fixtures.js";

// mtkit-generated: the generated function per constructor the registry used before the schema
// table (issue 14), kept in the same run so the bench shows where decode speed went.
const LIBRARIES = ["mtkit", "mtkit-closures", "mtkit-generated", "mtcute", "gramjs"] as const;
type Library = (typeof LIBRARIES)[number];
const OPERATIONS = ["encode", "decode"] as const;
type Samples = Record<(typeof OPERATIONS)[number], { wall: number[]; cpu: number[] }>;
interface WorkerResult {
  size: number;
  samples: Samples;
}

const ROUNDS = Number(process.env.TL_BENCH_ROUNDS ?? 3);
const SAMPLES_PER_ROUND = 2;

async function loadCases(library: Library): Promise<TlBenchCases> {
  if (library === "mtkit") return (await import("./tl-mtkit.js")).mtkitCases();
  if (library === "mtkit-closures") return (await import("./tl-mtkit.js")).mtkitCases("closures");
  if (library === "mtkit-generated") return (await import("./tl-mtkit.js")).mtkitCases("generated");
  if (library === "mtcute") return (await import("./tl-mtcute.js")).mtcuteCases();
  return (await import("./tl-gramjs.js")).gramjsCases();
}

function opsPerCpuSecond(fn: () => unknown, wallMs: number): number {
  const { calls, cpuMicros } = callsInCpuTime(fn, wallMs);
  return calls / (cpuMicros / 1e6);
}

async function worker(library: Library): Promise<void> {
  const cases = await loadCases(library);
  const samples: Samples = { encode: { wall: [], cpu: [] }, decode: { wall: [], cpu: [] } };
  for (const op of OPERATIONS) opsPerCpuSecond(cases[op], 300); // warm-up
  for (let s = 0; s < SAMPLES_PER_ROUND; s++) {
    for (const op of OPERATIONS) {
      const fn = cases[op];
      const stats = await measure(
        () => {
          do_not_optimize(fn());
        },
        { min_cpu_time: 300e6 },
      );
      samples[op].wall.push(1e9 / stats.avg);
      samples[op].cpu.push(opsPerCpuSecond(fn, library === "gramjs" ? 500 : 300));
    }
  }
  process.stdout.write(`${JSON.stringify({ size: cases.size, samples } satisfies WorkerResult)}\n`);
}

function runWorker(library: Library): WorkerResult {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    env: { ...process.env, TL_BENCH_WORKER: library },
    encoding: "utf8",
  });
  const line = child.stdout.trim().split("\n").pop() ?? "";
  if (child.status !== 0 || !line.startsWith("{"))
    throw new Error(`tl.bench worker ${library} failed:\n${child.stderr}`);
  return JSON.parse(line) as WorkerResult;
}

function main(): void {
  const all = new Map<Library, { size: number; samples: Samples }>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const library of LIBRARIES) {
      const result = runWorker(library);
      const entry = all.get(library) ?? {
        size: result.size,
        samples: { encode: { wall: [], cpu: [] }, decode: { wall: [], cpu: [] } },
      };
      for (const op of OPERATIONS) {
        entry.samples[op].wall.push(...result.samples[op].wall);
        entry.samples[op].cpu.push(...result.samples[op].cpu);
      }
      all.set(library, entry);
    }
  }
  const size = (library: Library): number => all.get(library)!.size;
  console.log(
    `\nTL: messages.messages, 100 messages + 50 users (${size("mtkit")} B mtkit / ${size("mtcute")} B mtcute / ${size("gramjs")} B GramJS)`,
  );
  console.log(
    `  each library in its own process, ${ROUNDS} rounds x ${SAMPLES_PER_ROUND} samples; medians; cpu = ops per CPU-second`,
  );
  for (const op of OPERATIONS) {
    const ours = all.get("mtkit")!.samples[op];
    const mtcute = all.get("mtcute")!.samples[op];
    for (const library of LIBRARIES) {
      const theirs = all.get(library)!.samples[op];
      const fmt = (v: number): string => Math.round(v).toLocaleString("en-US").padStart(8);
      const ratio = (a: Samples["encode"], b: Samples["encode"]): string =>
        `${(median(a.wall) / median(b.wall)).toFixed(2)}x (wall), ${(median(a.cpu) / median(b.cpu)).toFixed(2)}x (cpu)`;
      const vs =
        library === "mtkit"
          ? `   ${ratio(ours, mtcute)} mtcute`
          : library.startsWith("mtkit")
            ? `   ${ratio(theirs, mtcute)} mtcute; mtkit is ${ratio(ours, theirs)}`
            : `   mtkit is ${ratio(ours, theirs)}`;
      console.log(
        `  ${op} ${library.padEnd(15)} wall ${fmt(median(theirs.wall))} ops/s   cpu ${fmt(median(theirs.cpu))} ops/s${vs}`,
      );
    }
  }
}

const workerLibrary = process.env.TL_BENCH_WORKER as Library | undefined;
if (workerLibrary !== undefined && LIBRARIES.includes(workerLibrary)) await worker(workerLibrary);
else main();
