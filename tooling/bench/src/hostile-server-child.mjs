/* global process, setInterval, clearInterval, setTimeout, gc */
// The server side of the hostile-load bench: a TestServer with its default listener limits (and the
// configured memory budget) in a process of its own, so its RSS is measured alone. Plain JavaScript
// run by plain node on the built packages: what a deployed server runs, without tsx's own memory.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { writeHeapSnapshot } from "node:v8";
import { TestServer, limitHeapGrowth } from "@mtkit/test-server";

// As the CLI does: V8 collects before its heap grows far past the live set (MTKIT_HOSTILE_HEAP_GROWTH
// sets the percent, 0 leaves V8's own heuristic, for comparison).
const heapGrowth = Number(process.env.MTKIT_HOSTILE_HEAP_GROWTH ?? 30);
if (heapGrowth > 0) limitHeapGrowth(heapGrowth);
const config = JSON.parse(process.env.MTKIT_BENCH_HOSTILE ?? "{}");
const server = await TestServer.start({ limits: { memoryBudgetBytes: config.budgetMiB * 1024 * 1024 } });
const dc = server.dcs[0];
// How late the server's event loop runs: every packet of a normal client's handshake waits that long
// behind the attack's work before the server reads it (its share of the handshake time).
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
let peakRss = process.memoryUsage.rss();
// Where the memory is at the RSS peak: V8's heap (reserved and used) and memory outside it
// (ArrayBuffers: socket reads and partial frames). process.memoryUsage() walks the heap spaces, so
// it runs only when the cheap RSS read shows a new peak.
let atPeak = process.memoryUsage();
let connectionsAtPeak = 0;
// The server's own timing of the normal client's handshakes (its work, first packet to key): quiet, then under attack.
let quietHandshakes;
const sampler = setInterval(() => {
  const rss = process.memoryUsage.rss();
  if (rss <= peakRss) return;
  peakRss = rss;
  atPeak = process.memoryUsage();
  connectionsAtPeak = dc.connectionCount;
}, 20);
const send = (message) => process.send?.(message);
send({
  type: "ready",
  port: server.endpoints[0].port,
  publicKeyPem: server.publicKeyPem,
  idleRss: process.memoryUsage.rss(),
});
process.on("message", (message) => {
  if (message.type === "attack-started") {
    loopDelay.enable();
    quietHandshakes = dc.handshakeTimings.takeSummary();
  }
  if (message.type === "report") {
    loopDelay.disable();
    // The live heap under attack: what a full collection leaves (the peak also holds garbage not
    // collected yet). Run with --expose-gc by the bench; a heap snapshot on request, for analysis.
    const liveBefore = process.memoryUsage();
    if (typeof gc === "function") gc();
    const live = process.memoryUsage();
    if (process.env.MTKIT_HOSTILE_SNAPSHOT) writeHeapSnapshot(process.env.MTKIT_HOSTILE_SNAPSHOT);
    send({
      type: "report",
      peakRss,
      atPeak: {
        heapTotal: atPeak.heapTotal,
        heapUsed: atPeak.heapUsed,
        external: atPeak.external,
        arrayBuffers: atPeak.arrayBuffers,
      },
      loopDelayMs: {
        p50: loopDelay.percentile(50) / 1e6,
        p99: loopDelay.percentile(99) / 1e6,
        max: loopDelay.max / 1e6,
      },
      connectionsAtPeak,
      serverHandshakes: { quiet: quietHandshakes, attacked: dc.handshakeTimings.takeSummary() },
      heapUsedBeforeGc: liveBefore.heapUsed,
      liveHeapUsed: live.heapUsed,
      liveArrayBuffers: live.arrayBuffers,
      connections: dc.connectionCount,
      frameBufferedBytes: dc.frameBufferedBytes,
      closedByLimits: dc.closedByLimits.toJSON(),
    });
  } else if (message.type === "stop") {
    clearInterval(sampler);
    void server.close().finally(() => process.exit(0));
  }
});
// Bounded whatever happens to the orchestrator.
setTimeout(() => process.exit(2), (config.attackSeconds + 120) * 1000).unref();
process.on("disconnect", () => process.exit(0));
