// Figures for the README: `pnpm --filter @mtkit/test-server run bench` (after `run build`).
// Measures the server with mtkit's own client (session driver + transport-tcp) on loopback.
import { TestServer } from "../src/index.js";
import { createKey, openDriver } from "../test/helpers/mtkit-client.js";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const started = performance.now();
const server = await TestServer.start();
const startup = performance.now() - started;

const handshakes: number[] = [];
for (let i = 0; i < 20; i++) {
  const t = performance.now();
  await createKey(server);
  handshakes.push(performance.now() - t);
}

const driver = await openDriver(server, await createKey(server));
await driver.invoke({ _: "help.getNearestDc" });
const calls: number[] = [];
for (let i = 0; i < 500; i++) {
  const t = performance.now();
  await driver.invoke({ _: "help.getNearestDc" });
  calls.push(performance.now() - t);
}
const parallel = 2000;
const t = performance.now();
await Promise.all(Array.from({ length: parallel }, () => driver.invoke({ _: "help.getNearestDc" })));
const parallelMs = performance.now() - t;
await driver.close();
await server.close();

console.log(`server start (RSA-2048 key generation + listen): ${startup.toFixed(0)} ms`);
console.log(`auth key creation, client + server on loopback: median ${median(handshakes).toFixed(1)} ms over 20`);
console.log(`help.getNearestDc round trip, sequential: median ${(median(calls) * 1000).toFixed(0)} µs over 500`);
console.log(`help.getNearestDc, ${parallel} in flight: ${((parallel / parallelMs) * 1000).toFixed(0)} calls/s`);
