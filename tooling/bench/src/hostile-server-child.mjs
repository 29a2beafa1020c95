/* global process, setInterval, clearInterval, setTimeout */
// The server side of the hostile-load bench: a TestServer with its default listener limits (and the
// configured memory budget) in a process of its own, so its RSS is measured alone. Plain JavaScript
// run by plain node on the built packages: what a deployed server runs, without tsx's own memory.
import { TestServer } from "@mtkit/test-server";

const config = JSON.parse(process.env.MTKIT_BENCH_HOSTILE ?? "{}");
const server = await TestServer.start({ limits: { memoryBudgetBytes: config.budgetMiB * 1024 * 1024 } });
const dc = server.dcs[0];
let peakRss = process.memoryUsage.rss();
// Where the memory is at the RSS peak: V8's heap (reserved and used) and memory outside it
// (ArrayBuffers: socket reads and partial frames). process.memoryUsage() walks the heap spaces, so
// it runs only when the cheap RSS read shows a new peak.
let atPeak = process.memoryUsage();
const sampler = setInterval(() => {
  const rss = process.memoryUsage.rss();
  if (rss <= peakRss) return;
  peakRss = rss;
  atPeak = process.memoryUsage();
}, 20);
const send = (message) => process.send?.(message);
send({
  type: "ready",
  port: server.endpoints[0].port,
  publicKeyPem: server.publicKeyPem,
  idleRss: process.memoryUsage.rss(),
});
process.on("message", (message) => {
  if (message.type === "report") {
    send({
      type: "report",
      peakRss,
      atPeak: {
        heapTotal: atPeak.heapTotal,
        heapUsed: atPeak.heapUsed,
        external: atPeak.external,
        arrayBuffers: atPeak.arrayBuffers,
      },
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
