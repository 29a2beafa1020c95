// Server fan-out of one channel post to many online sessions (issue 10): the test server with the
// world in a child process (updates-live-server.ts) seeds 1,000 accounts logged in on their own auth
// keys (no handshakes); a receivers process (fanout-worker.ts) puts each online on its own TCP
// connection; then the server posts once into a channel of all of them. Printed: the time from the
// post command until every session had it (and the first, the median), the server's CPU for the
// post (encoding and encrypting one push per session), and its RSS with and without the sessions.
// Each session must get the post exactly once, or the row says so. Scaled down, the same path is a
// test: packages/test-server/test/world/fan-out.test.ts (50 sessions).
// Run: pnpm --filter @mtkit/bench run bench:fanout [-- --quick]   (--quick: 200 sessions)
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { FanoutWorkerInput, FanoutWorkerResult } from "./fanout-worker.js";
import type { LiveServerInfo } from "./updates-live-server.js";

const SESSIONS = process.argv.includes("--quick") ? 200 : 1_000;
const TIMEOUT_MS = 120_000;
const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const epochNow = (): number => performance.timeOrigin + performance.now();

/** Lines of a child's stdout, one at a time, with a deadline. */
function lineReader(stream: NodeJS.ReadableStream): (what: string) => Promise<string> {
  const lines: string[] = [];
  const waiters: ((line: string) => void)[] = [];
  createInterface({ input: stream }).on("line", (line) => {
    if (!line.startsWith("{")) return;
    const waiter = waiters.shift();
    if (waiter === undefined) lines.push(line);
    else waiter(line);
  });
  return (what) => {
    const ready = lines.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`fan-out bench: no ${what} within ${String(TIMEOUT_MS / 1000)} s`));
      }, TIMEOUT_MS);
      waiters.push((line) => {
        clearTimeout(timer);
        resolve(line);
      });
    });
  };
}

const serverChild = spawn(process.execPath, ["--import", "tsx", here("./updates-live-server.ts")], {
  stdio: ["pipe", "pipe", "inherit"],
});
const fromServer = lineReader(serverChild.stdout);
const workerChild = spawn(process.execPath, ["--import", "tsx", here("./fanout-worker.ts")], {
  stdio: ["pipe", "pipe", "inherit"],
});
const fromWorker = lineReader(workerChild.stdout);
try {
  const server = JSON.parse(await fromServer("server info")) as LiveServerInfo;
  serverChild.stdin.write(`logins ${String(SESSIONS)}\n`);
  const seeded = JSON.parse(await fromServer("seeded logins")) as {
    logins: FanoutWorkerInput["logins"];
    rssBytes: number;
  };
  const input: FanoutWorkerInput = { port: server.port, logins: seeded.logins };
  workerChild.stdin.write(`${JSON.stringify(input)}\n`);
  await fromWorker("receivers ready");
  const postedAt = epochNow();
  serverChild.stdin.write("fanout\n");
  const post = JSON.parse(await fromServer("post answer")) as { cpuMs: number; rssBefore: number };
  const result = JSON.parse(await fromWorker("arrivals")) as FanoutWorkerResult;
  const ms = (at: number): string => `${(at - postedAt).toFixed(1)} ms`;
  const once =
    result.duplicated === 0 && result.missing === 0
      ? "each once"
      : `${String(result.duplicated)} sessions got it twice, ${String(result.missing)} never`;
  console.log(
    `fan-out: one channel post to ${SESSIONS.toLocaleString("en")} online sessions (own account, key and TCP connection each; server and receivers in child processes)`,
  );
  console.log(
    `  mtkit test server  every session had it after ${ms(result.last)} (first ${ms(result.first)}, median ${ms(result.median)}; ${once}); server CPU for the post ${post.cpuMs.toFixed(1)} ms; server RSS ${mib(post.rssBefore)} with the sessions online, ${mib(seeded.rssBytes)} before`,
  );
} finally {
  workerChild.kill("SIGTERM");
  serverChild.kill("SIGTERM");
}
