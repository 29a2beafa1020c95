// One fresh-process handshake (spawned by handshake.bench.ts): load the client library, connect a
// fresh client (new auth key; mtkit with PFS: permanent key, temporary key, auth.bindTempAuthKey),
// make the first call, and print wall and CPU times of each part as one JSON line.
// Only this file's own imports are loaded before the clock starts: node built-ins.
import { performance } from "node:perf_hooks";

/** What the parent passes in `MTKIT_BENCH_HANDSHAKE` (JSON). */
export interface HandshakeWorkerInput {
  readonly column: "mtkit client (PFS)" | "mtkit client" | "mtcute";
  readonly server: {
    readonly endpoints: readonly { readonly id: number; readonly host: string; readonly port: number }[];
    readonly publicKeyPem: string;
    readonly fingerprint: string;
  };
}

export interface HandshakeTimes {
  /** Loading the client library (module graph, top-level code). */
  readonly loadWallMs: number;
  readonly loadCpuMs: number;
  /** connect() to the first answer. */
  readonly handshakeWallMs: number;
  readonly handshakeCpuMs: number;
}
export type HandshakeWorkerOutput = HandshakeTimes | { readonly error: string };

const cpuMs = (since?: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

async function main(input: HandshakeWorkerInput): Promise<HandshakeTimes> {
  const loadStart = performance.now(),
    loadCpu = process.cpuUsage();
  // The connect functions import the library; importing them is the library's load cost.
  const connect =
    input.column === "mtcute"
      ? (await import("./rpc-peers.js")).connectMtcute
      : input.column === "mtkit client"
        ? (await import("./rpc-clients.js")).connectMtkitClient
        : (await import("./rpc-clients.js")).connectMtkitClientPfs;
  const loadWallMs = performance.now() - loadStart,
    loadCpuMs = cpuMs(loadCpu);
  const server = {
    ...input.server,
    fingerprint: BigInt(input.server.fingerprint),
    where: "child process" as const,
    close: () => Promise.resolve(),
  };
  const start = performance.now(),
    cpu = process.cpuUsage();
  const client = await connect(server);
  const handshakeWallMs = performance.now() - start,
    handshakeCpuMs = cpuMs(cpu);
  await client.close();
  return { loadWallMs, loadCpuMs, handshakeWallMs, handshakeCpuMs };
}

const raw = process.env.MTKIT_BENCH_HANDSHAKE;
if (raw === undefined)
  throw new Error("handshake-worker.ts is started by handshake.bench.ts (MTKIT_BENCH_HANDSHAKE unset)");
const output = await main(JSON.parse(raw) as HandshakeWorkerInput).catch((error: unknown): HandshakeWorkerOutput => ({
  error: error instanceof Error ? error.message : String(error),
}));
process.stdout.write(`${JSON.stringify(output)}\n`);
process.exit(0);
