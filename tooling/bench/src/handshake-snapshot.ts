// What a compile cache would buy the fresh-process handshake (issue 15), measured with the only one
// Node 20 has: a user-land startup snapshot (`node --build-snapshot`, experimental). An app bundling
// mtkit into one CommonJS file (esbuild) runs either plainly, from a snapshot of the loaded bundle
// ("cold"), or from a snapshot taken after one connect ran in the builder ("warm": the functions the
// handshake needs are compiled in the heap). Each run is a fresh process; figures are connect() to the
// first answer with PFS, as in bench:handshake. An app-side measure, not something the library ships.
// Run: pnpm --filter @mtkit/bench run bench:handshake-snapshot
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { HandshakeWorkerInput } from "./handshake-worker.js";
import { withTimeout } from "./rpc-measure.js";
import { startBenchServer } from "./rpc-server.js";
import { spread } from "./stats.js";

/** What the app prints, one JSON line. */
export interface SnapshotRunOutput {
  readonly cpuMs: number;
  readonly wallMs: number;
}

const ENTRY = fileURLToPath(new URL("./handshake-snapshot-entry.ts", import.meta.url));
const RUNS = Number(process.env.HANDSHAKE_RUNS ?? 7);

/** Runs `node args` with `env` added; resolves with its stdout, rejects on a non-zero exit or after 120 s. */
async function runNode(args: string[], env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  let stdout = "",
    stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  try {
    const code = await withTimeout(
      new Promise<number | null>((resolve) => child.once("exit", resolve)),
      120_000,
      `node ${args.join(" ")}`,
    );
    if (code !== 0) throw new Error(`node ${args.join(" ")} exited with ${String(code)}: ${stderr.slice(-500)}`);
    return stdout;
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
}

/** One CommonJS file, as the snapshot builder requires (it loads no other user module). */
async function bundle(dir: string): Promise<string> {
  const outfile = join(dir, "app.cjs");
  // @mtkit/client/node reaches `ws` through the WebSocket transport, and `ws` loads node:http, which
  // the Node 20 snapshot builder cannot load; this app uses TCP only.
  const wsStub = join(dir, "ws-stub.mjs");
  await writeFile(wsStub, "export class WebSocket {}\nexport class WebSocketServer {}\nexport default WebSocket;\n");
  await build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    outfile,
    alias: { ws: wsStub },
    // The optional AES-NI addon is found relative to import.meta.url; in a bundle it is not found and
    // the provider uses its fallback, in every variant alike.
    define: { "import.meta.url": "__bundleUrl" },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: "error",
  });
  return outfile;
}

const server = await startBenchServer(false);
const dir = await mkdtemp(join(tmpdir(), "mtkit-snapshot-"));
try {
  const input: HandshakeWorkerInput = {
    column: "mtkit client (PFS)",
    server: {
      endpoints: server.endpoints,
      publicKeyPem: server.publicKeyPem,
      fingerprint: server.fingerprint.toString(),
    },
  };
  const env = { MTKIT_BENCH_HANDSHAKE: JSON.stringify(input) };
  const app = await bundle(dir);
  const coldBlob = join(dir, "cold.blob"),
    warmBlob = join(dir, "warm.blob");
  await runNode(["--snapshot-blob", coldBlob, "--build-snapshot", app], env);
  await runNode(["--snapshot-blob", warmBlob, "--build-snapshot", app], { ...env, MTKIT_SNAPSHOT_WARM: "1" });
  const variants: [string, string[]][] = [
    ["bundle, no snapshot", [app]],
    ["snapshot of the loaded bundle", ["--snapshot-blob", coldBlob]],
    ["snapshot after one connect", ["--snapshot-blob", warmBlob]],
  ];
  const runs = new Map<string, SnapshotRunOutput[]>(variants.map(([name]) => [name, []]));
  // Interleaved, so a busy moment of the shared machine hits every variant alike.
  for (let i = 0; i < RUNS; i++)
    for (const [name, args] of variants) {
      const lines = (await runNode(args, env)).trim().split("\n");
      runs.get(name)!.push(JSON.parse(lines[lines.length - 1] ?? "{}") as SnapshotRunOutput);
    }
  console.log(
    `handshake with PFS in a fresh process, an app bundle with and without a startup snapshot, ${RUNS} runs interleaved, median (min-max), ms; node ${process.version}`,
  );
  console.log(`${"".padEnd(32)} ${"client CPU".padEnd(20)} wall`);
  for (const [name, outputs] of runs)
    console.log(
      `${name.padEnd(32)} ${spread(outputs.map((o) => o.cpuMs)).padEnd(20)} ${spread(outputs.map((o) => o.wallMs))}`,
    );
} finally {
  await rm(dir, { recursive: true, force: true });
  await server.close();
}
