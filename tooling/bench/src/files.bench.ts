// Files benchmark: 256 MiB up and down, mtkit vs mtcute 0.30.3 and GramJS 2.26.22, each with its own
// file API, against the same @mtkit/test-server (a child process) over loopback TCP, in the same run.
// Each transfer runs in a fresh process (files-worker.ts) that also reports its peak RSS above idle.
// Run: pnpm --filter @mtkit/bench run bench:files [-- --quick]
//      pnpm --filter @mtkit/bench run soak:files   (1 GiB each way, mtkit only; fails above 64 MiB RSS)
import { spawn, type ChildProcess } from "node:child_process";
import { createCipheriv } from "node:crypto";
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { PEERS } from "./files-peers.js";
import type { FilesServerInfo } from "./files-server.js";
import type { FilesWorkerInput, FilesWorkerOutput } from "./files-worker.js";

const MIB = 1024 * 1024;
const soak = process.argv.includes("--soak");
const quick = process.argv.includes("--quick");
const SIZE = soak ? 1024 * MIB : quick ? 32 * MIB : 256 * MIB;
const ROUNDS = soak || quick ? 1 : 2;
const SOAK_RSS_LIMIT = 64 * MIB;
const PROCESS_BUDGET_MS = soak ? 600_000 : 180_000;
const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

function startServer(size: number): Promise<{ readonly info: FilesServerInfo; readonly child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", here("./files-server.ts"), String(size)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  process.once("exit", () => child.kill("SIGKILL"));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error("files server printed nothing within 60 s"));
    }, 60_000);
    createInterface({ input: child.stdout }).once("line", (line) => {
      clearTimeout(timer);
      resolve({ info: JSON.parse(line) as FilesServerInfo, child });
    });
    child.once("exit", (code) => {
      reject(new Error(`files server exited with ${String(code)}`));
    });
  });
}

function runWorker(input: FilesWorkerInput): Promise<FilesWorkerOutput> {
  const child = spawn(process.execPath, ["--import", "tsx", here("./files-worker.ts")], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, MTKIT_BENCH_FILES: JSON.stringify(input) },
  });
  let stdout = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    stdout += chunk;
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve({ error: `no result within ${String(PROCESS_BUDGET_MS / 1000)} s` });
    }, PROCESS_BUDGET_MS);
    child.once("exit", () => {
      clearTimeout(timer);
      const line = stdout.trim().split("\n").pop() ?? "";
      resolve(line === "" ? { error: "the worker printed nothing" } : (JSON.parse(line) as FilesWorkerOutput));
    });
  });
}

/**
 * The upload source: a file of SIZE incompressible bytes, the same for every library (each reads it
 * from disk, streamed). The bytes are an AES-128-CTR keystream under a fixed key: a seeded PRNG that
 * is fast and that gzip cannot shrink, so no client can win by sending gzip_packed parts. Written a
 * MiB at a time, never held whole.
 */
function writeSource(dir: string): string {
  const path = join(dir, "upload.bin");
  const fd = openSync(path, "w");
  const keystream = createCipheriv("aes-128-ctr", Buffer.alloc(16, 42), Buffer.alloc(16));
  const zeros = new Uint8Array(MIB);
  for (let at = 0; at < SIZE; at += MIB) writeSync(fd, keystream.update(zeros));
  closeSync(fd);
  return path;
}

const dir = mkdtempSync(join(tmpdir(), "mtkit-bench-files-"));
const { info, child } = await startServer(SIZE);
const path = writeSource(dir);
const peers = soak ? PEERS.filter(([name]) => name === "mtkit") : PEERS;
const best = new Map<string, { mibPerSec: number; peak: number }>();
const errors: string[] = [];
console.log(
  `files: ${String(SIZE / MIB)} MiB each way, TestServer (child process, 1 DC), loopback TCP, node ${process.version}`,
);
try {
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [name] of peers) {
      for (const direction of ["up", "down"] as const) {
        const output = await runWorker({ peer: name, direction, path, size: SIZE, server: info });
        if ("error" in output) {
          errors.push(`${name} ${direction}: ${output.error}`);
          continue;
        }
        if (output.bytes !== SIZE)
          errors.push(`${name} ${direction}: moved ${String(output.bytes)} bytes, expected ${String(SIZE)}`);
        const mibPerSec = output.bytes / MIB / (output.ms / 1000);
        const key = `${name}/${direction}`;
        const previous = best.get(key);
        best.set(key, {
          mibPerSec: Math.max(previous?.mibPerSec ?? 0, mibPerSec),
          peak: Math.max(previous?.peak ?? 0, output.peakAboveIdle),
        });
        console.error(
          `  round ${String(round)} ${name} ${direction}: ${mibPerSec.toFixed(1)} MiB/s, peak RSS +${(output.peakAboveIdle / MIB).toFixed(1)} MiB`,
        );
      }
    }
  }
} finally {
  child.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}

const mtcute = (direction: string): number | undefined => best.get(`mtcute 0.30.3/${direction}`)?.mibPerSec;
console.log(
  "| library | upload MiB/s | download MiB/s | up vs mtcute | down vs mtcute | peak RSS above idle (up / down) |",
);
console.log("|---|---|---|---|---|---|");
for (const [name] of peers) {
  const up = best.get(`${name}/up`);
  const down = best.get(`${name}/down`);
  const ratio = (value: number | undefined, base: number | undefined): string =>
    value === undefined || base === undefined ? "-" : `${(value / base).toFixed(2)}x`;
  const cell = (value: number | undefined): string => (value === undefined ? "failed" : value.toFixed(1));
  const rss = (value: number | undefined): string => (value === undefined ? "-" : `${(value / MIB).toFixed(1)} MiB`);
  console.log(
    `| ${name} | ${cell(up?.mibPerSec)} | ${cell(down?.mibPerSec)} | ${ratio(up?.mibPerSec, mtcute("up"))} | ${ratio(down?.mibPerSec, mtcute("down"))} | ${rss(up?.peak)} / ${rss(down?.peak)} |`,
  );
}
for (const error of errors) console.log(`error: ${error}`);
if (soak) {
  const worst = Math.max(best.get("mtkit/up")?.peak ?? Infinity, best.get("mtkit/down")?.peak ?? Infinity);
  const ok = worst <= SOAK_RSS_LIMIT && errors.length === 0;
  console.log(
    `soak: peak RSS above idle ${(worst / MIB).toFixed(1)} MiB for 1 GiB each way (limit 64 MiB): ${ok ? "ok" : "FAILED"}`,
  );
  if (!ok) process.exitCode = 1;
}
