// RPC benchmark: mtkit (SessionDriver over transport-tcp), mtcute 0.30.3 and GramJS 2.26.22 against
// ONE in-process @mtkit/test-server over loopback TCP, in the same run: handshake time, throughput and
// p50/p99 latency of help.getNearestDc with 1, 100 and 1,000 requests in flight, idle memory per client.
// Run: pnpm --filter @mtkit/bench run bench:rpc
import { TestServer } from "@mtkit/test-server";
import { connectGramJs, connectMtcute, connectMtkit, mtkitCreateKey, type BenchClient, type ConnectClient } from "./rpc-clients.js";
import { idleBytesPerClient, medianMs, runLoad, type LoadResult } from "./rpc-measure.js";

const HANDSHAKES = 10;
const IN_FLIGHT = [1, 100, 1000] as const;
const LOAD_MS = 2000;
const ROUNDS = 2;
const MAX_CALLS = 200_000;
const IDLE_CLIENTS = 20;

const clients: [string, ConnectClient][] = [["mtkit", connectMtkit], ["mtcute", connectMtcute], ["GramJS", connectGramJs]];
const server = await TestServer.start({ dcs: 1 });
console.log(`node ${process.version}, ${process.arch}; one in-process TestServer, loopback TCP; help.getNearestDc`);

const handshake = new Map<string, number>();
const load = new Map<string, LoadResult>();
const memory = new Map<string, number>();
const open: BenchClient[] = [];
try {
  const keyOnly = await medianMs(HANDSHAKES, () => mtkitCreateKey(server));
  console.log(`mtkit auth key only (req_pq_multi .. dh_gen_ok, own connection): median ${keyOnly.toFixed(1)} ms`);
  for (const [name, connect] of clients) {
    handshake.set(name, await medianMs(HANDSHAKES, async () => { await (await connect(server)).close(); }));
  }
  // One client per library, all warmed up before any figure is taken, so the order does not favour
  // a library that runs against an already optimised server. Each level runs ROUNDS times per
  // library, interleaved; the round with the highest throughput is kept.
  const connected = new Map<string, BenchClient>();
  for (const [name, connect] of clients) {
    const client = await connect(server);
    open.push(client);
    connected.set(name, client);
    await runLoad(client, 100, 1000, MAX_CALLS);
  }
  for (const inFlight of IN_FLIGHT) {
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, client] of connected) {
        const result = await runLoad(client, inFlight, LOAD_MS, MAX_CALLS);
        const key = `${name}/${inFlight}`;
        if (result.error !== undefined) console.log(`${name} with ${inFlight} in flight: ${result.error} after ${result.completed} answers`);
        if ((load.get(key)?.callsPerSecond ?? -1) < result.callsPerSecond) load.set(key, result);
      }
    }
  }
  await Promise.all(open.splice(0).map((c) => c.close()));
  for (const [name, connect] of clients) {
    const idle = await idleBytesPerClient(IDLE_CLIENTS, () => connect(server));
    memory.set(name, idle.bytes);
    await Promise.all(idle.clients.map((c) => c.close()));
  }
} finally {
  await Promise.allSettled(open.map((c) => c.close()));
  await server.close();
}

const ratio = (mine: number | undefined, theirs: number | undefined): string =>
  mine === undefined || theirs === undefined ? "n/a" : (mine / theirs).toFixed(2);
const row = (label: string, value: (name: string) => number | undefined, digits: number): void => {
  const [mtkit, mtcute, gramjs] = clients.map(([name]) => value(name));
  const cell = (v: number | undefined): string => (v === undefined ? "n/a" : v.toFixed(digits)).padStart(10);
  console.log(`${label.padEnd(32)}${cell(mtkit)}${cell(mtcute)}${cell(gramjs)}${ratio(mtkit, mtcute).padStart(10)}${ratio(mtkit, gramjs).padStart(10)}`);
};
console.log(`\n${"".padEnd(32)}${"mtkit".padStart(10)}${"mtcute".padStart(10)}${"GramJS".padStart(10)}${"/mtcute".padStart(10)}${"/GramJS".padStart(10)}`);
row(`handshake, median of ${HANDSHAKES} (ms)`, (n) => handshake.get(n), 1);
for (const inFlight of IN_FLIGHT) {
  row(`${inFlight} in flight: calls/s`, (n) => load.get(`${n}/${inFlight}`)?.callsPerSecond, 0);
  row(`${inFlight} in flight: p50 (ms)`, (n) => load.get(`${n}/${inFlight}`)?.p50Ms, 2);
  row(`${inFlight} in flight: p99 (ms)`, (n) => load.get(`${n}/${inFlight}`)?.p99Ms, 2);
}
row(`idle memory/client, K=${IDLE_CLIENTS} (KiB)`, (n) => { const b = memory.get(n); return b === undefined ? undefined : b / 1024; }, 1);
console.log("handshake = fresh client to first help.getNearestDc answer (TCP connect, new auth key, initConnection).");
console.log("memory = (heap + external) delta / K after gc, including the in-process server's state for each connection.");
