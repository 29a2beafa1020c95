// `pnpm bench` row: the test server under hostile traffic (issue 13). Loopback only, bounded in
// count and time. A server process (default listener limits, memory budget 256 MiB) is attacked by
// a second process with 10,000 slowloris connections (an obfuscation header at 1 byte/s, reopened
// when closed) and 1,000 connections that each send a maximal 2 MiB frame but its last byte; a
// normal client meanwhile creates auth keys. Reported: the server's peak RSS and the handshake times.
// Both children run under `ulimit -n <hard limit>`: 11,000 sockets need more than a default 1024.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseRsaPublicKeyPem } from "@mtkit/mtproto-crypto";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import { createAuthKeyOverTransport, type SessionEnvironment } from "@mtkit/session";
import type { HandshakeSummary } from "@mtkit/test-server";
import { createTcpTransport } from "@mtkit/transport-tcp";
import { HOSTILE_ENV, type HostileConfig, type HostileMessage } from "./hostile-config.js";

const config: HostileConfig = {
  slowloris: Number(process.env.MTKIT_HOSTILE_SLOWLORIS ?? 10_000),
  partialFrames: Number(process.env.MTKIT_HOSTILE_PARTIAL ?? 1_000),
  attackSeconds: Number(process.env.MTKIT_HOSTILE_SECONDS ?? 20),
  budgetMiB: Number(process.env.MTKIT_HOSTILE_BUDGET_MIB ?? 256),
};
const MIB = 1024 * 1024;
const crypto = createNodeCrypto();
const env: SessionEnvironment = { crypto, now: Date.now, randomBytes: (n) => crypto.randomFill(new Uint8Array(n)) };

/** Runs a file of this folder in a child with the fd soft limit raised to the hard one (tsx for .ts). */
function child(file: string, extra: Partial<HostileConfig>, nodeFlags: readonly string[] = []): ChildProcess {
  const script = fileURLToPath(new URL(file, import.meta.url));
  const loader = file.endsWith(".ts") ? ["--import=tsx"] : [];
  return spawn(
    "sh",
    ["-c", 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$@"', "sh", process.execPath, ...loader, ...nodeFlags, script],
    {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      env: { ...process.env, [HOSTILE_ENV]: JSON.stringify({ ...config, ...extra }) },
    },
  );
}

function nextMessage<T extends HostileMessage["type"]>(
  from: ChildProcess,
  type: T,
  timeoutMs: number,
): Promise<Extract<HostileMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`no "${type}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (message: HostileMessage): void => {
      if (message.type !== type) return;
      clearTimeout(timer);
      from.off("message", onMessage);
      resolve(message as Extract<HostileMessage, { type: T }>);
    };
    from.on("message", onMessage);
  });
}

async function handshakeMs(port: number, publicKeyPem: string): Promise<number> {
  const started = performance.now();
  const transport = createTcpTransport({ crypto, protocol: "intermediate" });
  await transport.connect({ dcId: 1, host: "127.0.0.1", port });
  try {
    await createAuthKeyOverTransport(transport, { env, rsaKeys: [parseRsaPublicKeyPem(publicKeyPem)], dcId: 1 });
  } finally {
    await transport.close();
  }
  return performance.now() - started;
}

const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

console.log(
  `\nhostile load: ${config.slowloris} slowloris + ${config.partialFrames} partial 2 MiB frames for ${config.attackSeconds} s, server budget ${config.budgetMiB} MiB`,
);
// --expose-gc: the server's report measures its live heap after a full collection.
const serverFlags = ["--expose-gc", ...(process.env.MTKIT_HOSTILE_SERVER_FLAGS ?? "").split(" ").filter(Boolean)];
const server = child("./hostile-server-child.mjs", {}, serverFlags);
let attacker: ChildProcess | undefined;
try {
  const ready = await nextMessage(server, "ready", 60_000);
  const quiet: number[] = [];
  for (let i = 0; i < 5; i++) quiet.push(await handshakeMs(ready.port, ready.publicKeyPem));
  attacker = child("./hostile-attack-child.ts", { port: ready.port });
  server.send({ type: "attack-started" });
  const rampedAt = performance.now();
  const ramped = await nextMessage(attacker, "ramped", 240_000);
  const rampSeconds = (performance.now() - rampedAt) / 1000;
  const attacked: number[] = [];
  const until = performance.now() + (config.attackSeconds - 2) * 1000;
  while (performance.now() < until && attacked.length < 40) {
    attacked.push(await handshakeMs(ready.port, ready.publicKeyPem));
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.send({ type: "report" });
  const report = await nextMessage(server, "report", 30_000);
  const peakMiB = report.peakRss / MIB;
  console.log(
    `  attack ramped in ${rampSeconds.toFixed(1)} s: ${ramped.opened} attacking sockets open, ${ramped.refused} refused, ${(ramped.partialBytesSent / MIB).toFixed(0)} MiB of partial frames sent`,
  );
  console.log(
    `  server peak RSS: ${peakMiB.toFixed(0)} MiB (idle ${(ready.idleRss / MIB).toFixed(0)} MiB, budget ${config.budgetMiB} MiB) ${peakMiB < config.budgetMiB ? "ok" : "OVER BUDGET"}`,
  );
  const { atPeak, loopDelayMs, serverHandshakes } = report;
  const timed = (summary: HandshakeSummary | undefined): string =>
    summary === undefined
      ? "none"
      : `work median ${summary.workMs.median.toFixed(1)} ms / max ${summary.workMs.max.toFixed(1)} ms (CPU median ${summary.workCpuMs.median.toFixed(1)} ms), first packet to key median ${summary.elapsedMs.median.toFixed(1)} ms / max ${summary.elapsedMs.max.toFixed(1)} ms`;
  console.log(
    `  at the peak: V8 heap ${(atPeak.heapTotal / MIB).toFixed(0)} MiB reserved / ${(atPeak.heapUsed / MIB).toFixed(0)} MiB used, outside it ${(atPeak.external / MIB).toFixed(0)} MiB (ArrayBuffers ${(atPeak.arrayBuffers / MIB).toFixed(0)} MiB), the rest (${((report.peakRss - atPeak.heapTotal - atPeak.external) / MIB).toFixed(0)} MiB) code, sockets and allocator; ${report.connectionsAtPeak} connections open`,
  );
  console.log(
    `  at the end of the attack: heap used ${(report.heapUsedBeforeGc / MIB).toFixed(0)} MiB, live after a full GC ${(report.liveHeapUsed / MIB).toFixed(0)} MiB (ArrayBuffers ${(report.liveArrayBuffers / MIB).toFixed(0)} MiB) for ${report.connections} connections`,
  );
  console.log(
    `  server now: ${report.connections} connections, ${(report.frameBufferedBytes / MIB).toFixed(1)} MiB in partial frames; closed by limits: ${JSON.stringify(report.closedByLimits)}`,
  );
  console.log(
    `  server event-loop delay under attack: p50 ${loopDelayMs.p50.toFixed(1)} ms, p99 ${loopDelayMs.p99.toFixed(1)} ms, max ${loopDelayMs.max.toFixed(0)} ms`,
  );
  console.log(`  the same handshakes as the server timed them: quiet ${timed(serverHandshakes.quiet)}`);
  console.log(`    under attack ${timed(serverHandshakes.attacked)}`);
  console.log(
    `  normal client's auth-key handshake: median ${median(quiet).toFixed(1)} ms quiet, median ${median(attacked).toFixed(1)} ms / max ${Math.max(...attacked).toFixed(1)} ms under attack (${attacked.length} handshakes) ${median(attacked) < 100 ? "ok" : "SLOWER THAN 100 ms"}`,
  );
} finally {
  attacker?.kill("SIGKILL");
  server.send({ type: "stop" });
  await new Promise((resolve) => {
    server.once("exit", resolve);
    setTimeout(resolve, 5000).unref();
  });
  if (server.exitCode === null) server.kill("SIGKILL");
}
