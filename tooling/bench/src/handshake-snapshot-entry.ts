// The app of the startup-snapshot experiment (handshake-snapshot.ts bundles it into one CommonJS file,
// as `node --build-snapshot` needs). Run plainly or from a snapshot, it connects one fresh mtkit client
// with PFS and prints the CPU and wall time of connect() to the first answer, as handshake-worker.ts does.
// While a snapshot is built with MTKIT_SNAPSHOT_WARM=1, it first runs that connect once, so the
// functions it needs are compiled before the heap is written out. It exports nothing: the builder
// runs it as a plain script.
import { startupSnapshot } from "node:v8";
import { MemoryStorage, TelegramClient } from "@mtkit/client/node";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import { createTcpTransport } from "@mtkit/transport-tcp";
import type { SnapshotRunOutput } from "./handshake-snapshot.js";
import type { HandshakeWorkerInput } from "./handshake-worker.js";

async function connectOnce(input: HandshakeWorkerInput): Promise<SnapshotRunOutput> {
  const crypto = createNodeCrypto();
  const start = performance.now(),
    cpu = process.cpuUsage();
  const client = new TelegramClient({
    apiId: 1,
    apiHash: "0".repeat(32),
    storage: new MemoryStorage(),
    testServer: { endpoints: input.server.endpoints, publicKeyPem: input.server.publicKeyPem },
    crypto,
    transport: () => createTcpTransport({ crypto, protocol: "intermediate" }),
  });
  await client.connect();
  await client.invoke({ _: "help.getNearestDc" });
  const used = process.cpuUsage(cpu);
  const wallMs = performance.now() - start;
  await client.disconnect();
  return { cpuMs: (used.user + used.system) / 1000, wallMs };
}

function input(): HandshakeWorkerInput {
  const raw = process.env.MTKIT_BENCH_HANDSHAKE;
  if (raw === undefined) throw new Error("started by handshake-snapshot.ts (MTKIT_BENCH_HANDSHAKE unset)");
  return JSON.parse(raw) as HandshakeWorkerInput;
}

async function main(): Promise<void> {
  const output = await connectOnce(input());
  process.stdout.write(`${JSON.stringify(output)}\n`);
  process.exit(0);
}

if (startupSnapshot.isBuildingSnapshot()) {
  // The builder runs the event loop to its end before it writes the heap: the warm-up connect
  // finishes (and closes its sockets) first.
  if (process.env.MTKIT_SNAPSHOT_WARM === "1") void connectOnce(input());
  startupSnapshot.setDeserializeMainFunction(() => {
    void main();
  });
} else {
  void main();
}
