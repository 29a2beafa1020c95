// What bounds TL decode of a messages.messages page (issue 15): its strings, measured two ways.
// Run: pnpm --filter @mtkit/bench run bench:tl-utf8
//
// 1. The page's 100 message texts decoded per string, batched into one native call, or in JS
//    (tl-utf8-texts.ts): is the native decoder's cost per call or per byte?
// 2. The whole page decoded by mtkit and mtcute as is, without the texts and without any string
//    (tl-utf8-page.ts), each variant in its own fresh process, in turns over several rounds.
// CPU time (process.cpuUsage). On the shared 2-core machine other jobs inflate CPU time too (caches,
// hyperthreads), so the breakdown is computed from each variant's fastest sample, the one least
// disturbed; medians and the spread are printed beside it.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { do_not_optimize } from "mitata";
import { PAGE_VARIANTS, pageCases, type PageVariant } from "./tl-utf8-page.js";
import { textDecodeCases } from "./tl-utf8-texts.js";

const ROUNDS = Number(process.env.TL_BENCH_ROUNDS ?? 3);
const SAMPLES = 5;

/** CPU microseconds per call of `fn`, over `wallMs` of wall time. */
function cpuMicros(fn: () => unknown, wallMs: number): number {
  const start = process.cpuUsage();
  const started = performance.now();
  let n = 0;
  while (performance.now() - started < wallMs) {
    do_not_optimize(fn());
    n++;
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const spread = (values: readonly number[]): string =>
  `median ${median(values).toFixed(1)}, ${Math.min(...values).toFixed(1)}-${Math.max(...values).toFixed(1)}`;

function textRows(): void {
  const cases = textDecodeCases();
  const samples = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  for (const c of cases) cpuMicros(c.decode, 200); // warm-up
  for (let s = 0; s < SAMPLES; s++) for (const c of cases) samples.get(c.name)!.push(cpuMicros(c.decode, 200));
  const base = Math.min(...samples.get(cases[0]!.name)!);
  console.log("\nTL strings: the bench page's 100 message texts (~100 B, non-ASCII), fastest CPU µs per page");
  for (const c of cases) {
    const values = samples.get(c.name)!;
    const m = Math.min(...values);
    console.log(
      `  ${c.name.padEnd(32)} ${m.toFixed(1).padStart(6)} µs (${spread(values)})   ${(m / base).toFixed(2)}x per-string`,
    );
  }
}

async function pageWorker(variant: PageVariant): Promise<void> {
  const cases = await pageCases(variant);
  cpuMicros(cases.decode, 300); // warm-up
  const samples: number[] = [];
  for (let s = 0; s < SAMPLES; s++) samples.push(cpuMicros(cases.decode, 200));
  process.stdout.write(`${JSON.stringify(samples)}\n`);
}

function runPageWorker(variant: PageVariant): number[] {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    env: { ...process.env, TL_UTF8_WORKER: variant },
    encoding: "utf8",
  });
  const line = child.stdout.trim().split("\n").pop() ?? "";
  if (child.status !== 0 || !line.startsWith("[")) throw new Error(`worker ${variant} failed:\n${child.stderr}`);
  return JSON.parse(line) as number[];
}

function pageRows(): void {
  const samples = new Map<PageVariant, number[]>(PAGE_VARIANTS.map((v) => [v, []]));
  for (let round = 0; round < ROUNDS; round++)
    for (const variant of PAGE_VARIANTS) samples.get(variant)!.push(...runPageWorker(variant));
  const at = (v: PageVariant): number => Math.min(...samples.get(v)!);
  console.log(
    `\nTL decode of the page, fastest CPU µs per page (fresh process per variant, ${ROUNDS} rounds x ${SAMPLES})`,
  );
  for (const variant of PAGE_VARIANTS)
    console.log(`  ${variant.padEnd(24)} ${at(variant).toFixed(1).padStart(6)} µs (${spread(samples.get(variant)!)})`);
  for (const lib of ["mtkit", "mtcute"] as const) {
    const full = at(lib);
    const texts = full - at(`${lib}, texts skipped`);
    const short = at(`${lib}, texts skipped`) - at(`${lib}, strings skipped`);
    console.log(
      `  ${lib}: texts ${texts.toFixed(1)} µs (${((100 * texts) / full).toFixed(0)} %), short strings ${short.toFixed(1)}, the rest ${at(`${lib}, strings skipped`).toFixed(1)}`,
    );
  }
  const texts = at("mtkit") - at("mtkit, texts skipped");
  const goal = at("mtcute") / 2;
  console.log(
    `  2x mtcute is ${goal.toFixed(1)} µs per page: after mtkit's texts (${texts.toFixed(1)}) that leaves ${(goal - texts).toFixed(1)} µs for everything else, which takes ${(at("mtkit") - texts).toFixed(1)} today`,
  );
}

const workerVariant = process.env.TL_UTF8_WORKER as PageVariant | undefined;
if (workerVariant !== undefined && PAGE_VARIANTS.includes(workerVariant)) {
  await pageWorker(workerVariant);
} else {
  textRows();
  pageRows();
}
