// RPC benchmark: mtkit's TelegramClient (@mtkit/client/node), the SessionDriver under it, mtcute
// 0.30.3 and GramJS 2.26.22 against the same @mtkit/test-server over loopback TCP, in the same run:
// handshake time, throughput and p50/p99 latency of help.getNearestDc with 1, 100 and 1,000 requests
// in flight, idle memory per client. Every phase is bounded (rpc-progress.ts) and logs to stderr.
// Run: pnpm --filter @mtkit/bench run bench:rpc [-- --in-process] [-- --quick]
import { pathToFileURL } from "node:url";
import { connectMtkitClientPfs, mtkitCreateKey, type BenchClient, type ConnectClient } from "./rpc-clients.js";
import { COLUMNS } from "./rpc-columns.js";
import { runIsolatedLoad } from "./rpc-isolated-load.js";
import { handshakeMedianMs, idleBytesPerClient, withTimeout, type IdleMemory, type LoadResult } from "./rpc-measure.js";
import { exitWatchdog, failures, phase, progress } from "./rpc-progress.js";
import { startBenchServer } from "./rpc-server.js";
import { MTKIT_CLIENT, printRpcTable } from "./rpc-table.js";

// --quick: a smoke run of every phase in a few seconds (figures too short to quote).
const quick = process.argv.includes("--quick");
const inProcess = process.argv.includes("--in-process");
const HANDSHAKES = quick ? 2 : 10;
const IN_FLIGHT = [1, 100, 1000] as const;
const LOAD_MS = quick ? 300 : 2000;
const WARM_UP_MS = quick ? 200 : 1000;
const ROUNDS = quick ? 1 : 3;
const MAX_CALLS = 200_000;
const IDLE_CLIENTS = quick ? 3 : 20;
/** One connect or close; the load phases get their duration plus the per-call timeout. */
const STEP_TIMEOUT_MS = 15_000;
const LOAD_BUDGET_MS = LOAD_MS + 25_000;
/** A load process: start-up, connect, warm-up, every level, close. */
const LOAD_PROCESS_BUDGET_MS = 30_000 + IN_FLIGHT.length * LOAD_BUDGET_MS;

const columns = COLUMNS;

const server = await withTimeout(startBenchServer(inProcess), 60_000, "starting the test server");
console.log(
  `node ${process.version}, ${process.arch}; TestServer ${server.where} (1 DC), loopback TCP; help.getNearestDc`,
);
const handshakeMs = new Map<string, number>();
const load = new Map<string, LoadResult>();
const idleMemory = new Map<string, IdleMemory>();
let pfsHandshakeMs: number | undefined;
// Every client ever connected, so a phase that timed out still gets its clients closed.
const open: BenchClient[] = [];
const track = (connect: ConnectClient) => async (): Promise<BenchClient> => {
  const client = await connect(server);
  open.push(client);
  const close = (): Promise<void> => {
    const at = open.indexOf(client);
    if (at >= 0) open.splice(at, 1);
    return client.close();
  };
  return { getNearestDc: client.getNearestDc, close };
};
const closeAll = async (): Promise<void> => {
  await withTimeout(Promise.allSettled(open.splice(0).map((c) => c.close())), STEP_TIMEOUT_MS, "closing clients").catch(
    (e: unknown) => {
      failures.push(String(e));
    },
  );
};

try {
  const keyOnly = await phase("mtkit auth key only", HANDSHAKES * STEP_TIMEOUT_MS, () =>
    handshakeMedianMs(
      HANDSHAKES,
      async () => {
        await mtkitCreateKey(server);
        return { close: () => Promise.resolve() };
      },
      STEP_TIMEOUT_MS,
    ),
  );
  if (keyOnly !== undefined)
    console.log(`mtkit auth key only (req_pq_multi .. dh_gen_ok, own connection): median ${keyOnly.toFixed(1)} ms`);
  for (const [name, connect] of columns) {
    const ms = await phase(`handshake ${name}`, HANDSHAKES * 2 * STEP_TIMEOUT_MS, () =>
      handshakeMedianMs(HANDSHAKES, track(connect), STEP_TIMEOUT_MS),
    );
    if (ms !== undefined) handshakeMs.set(name, ms);
  }
  pfsHandshakeMs = await phase(`handshake ${MTKIT_CLIENT} with PFS`, HANDSHAKES * 2 * STEP_TIMEOUT_MS, () =>
    handshakeMedianMs(HANDSHAKES, track(connectMtkitClientPfs), STEP_TIMEOUT_MS),
  );
  await closeAll();

  // Load: each library in a fresh process of its own (rpc-load-worker.ts), ROUNDS times, the rounds
  // interleaved across libraries so that machine noise spreads evenly; the fastest round is kept.
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [name] of columns) {
      const results = await phase(
        `${name}: load at ${IN_FLIGHT.join("/")} in flight, round ${round}`,
        LOAD_PROCESS_BUDGET_MS,
        () =>
          runIsolatedLoad(name, server, {
            inFlight: IN_FLIGHT,
            loadMs: LOAD_MS,
            warmUpMs: WARM_UP_MS,
            maxCalls: MAX_CALLS,
            budgetMs: LOAD_PROCESS_BUDGET_MS,
          }),
      );
      if (results === undefined) continue;
      for (const [inFlight, result] of results) {
        if (result.error !== undefined)
          failures.push(`${name} with ${inFlight} in flight: ${result.error} after ${result.completed} answers`);
        const key = `${name}/${inFlight}`;
        if ((load.get(key)?.callsPerSecond ?? -1) < result.callsPerSecond) load.set(key, result);
      }
    }
  }

  // Last, in this process: by now every library's code is compiled and optimised, so the growth
  // is client state, not one-time costs (README: why not a fresh process per library).
  for (const [name, connect] of columns) {
    const memory = await phase(
      `idle memory ${name}, ${IDLE_CLIENTS} clients`,
      (IDLE_CLIENTS + 1) * STEP_TIMEOUT_MS,
      () => idleBytesPerClient(IDLE_CLIENTS, () => connect(server), open, STEP_TIMEOUT_MS),
    );
    if (memory !== undefined) idleMemory.set(name, memory);
    await closeAll();
  }
} finally {
  await closeAll();
  await withTimeout(server.close(), STEP_TIMEOUT_MS, "stopping the test server").catch((e: unknown) => {
    failures.push(String(e));
  });
}

printRpcTable(
  { columns: columns.map(([name]) => name), handshakeMs, pfsHandshakeMs, load, idleMemory },
  HANDSHAKES,
  IDLE_CLIENTS,
  IN_FLIGHT,
);
const held = columns
  .map(([name]) => `${name} ${((idleMemory.get(name)?.heldBytes ?? Number.NaN) / 1024).toFixed(1)}`)
  .join(", ");
console.log(`idle KiB/client: (heap + external) growth after gc for K more idle clients, measured last (code warm);`);
console.log(
  `  ${inProcess ? "includes the in-process server's state per connection" : "client state only (the server runs in its own process)"}.`,
);
console.log(`  released when those K are closed, KiB/client: ${held} (GramJS keeps closed clients reachable).`);
for (const failure of failures) console.log(`FAILED ${failure}`);
progress("rpc benchmark done");
// Run on its own (not from run-all.ts, which has its own watchdog): never linger after the table.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) exitWatchdog(5000);
