// The receivers of the fan-out benchmark, in a process of their own (spawned by fanout.bench.ts):
// reads one JSON line from stdin (`FanoutWorkerInput`), opens one mtkit SessionDriver per seeded
// login, each on its own TCP connection, makes one call on each so the server holds the session
// online, prints `{"ready": n}`, then records when each session gets the channel post and prints
// `FanoutWorkerResult` once every session has it (and a short grace for duplicates has passed).
import { createInterface } from "node:readline";
import { createAuthKey } from "@mtkit/mtproto-crypto";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import { SessionDriver, type SessionEnvironment } from "@mtkit/session";
import { apiRegistry, type TypeUpdates } from "@mtkit/tl-core/api";
import { createTcpTransport } from "@mtkit/transport-tcp";
import type { DcAddress } from "@mtkit/transport-tcp/transport";

export interface FanoutWorkerInput {
  readonly port: number;
  readonly logins: readonly { readonly id: string; readonly key: string; readonly salt: string }[];
}

export interface FanoutWorkerResult {
  /** Epoch ms (performance.timeOrigin + now) when the first and the last session had the post. */
  readonly first: number;
  readonly last: number;
  readonly median: number;
  /** Sessions that got the post more than once, or never (both must be 0). */
  readonly duplicated: number;
  readonly missing: number;
}

const CONNECT_AT_ONCE = 50;
const GRACE_MS = 300;
const crypto = createNodeCrypto();
const env: SessionEnvironment = { crypto, now: Date.now, randomBytes: (n) => crypto.randomFill(new Uint8Array(n)) };
const epochNow = (): number => performance.timeOrigin + performance.now();

const line = await new Promise<string>((resolve) => {
  createInterface({ input: process.stdin }).once("line", resolve);
});
const input = JSON.parse(line) as FanoutWorkerInput;
const arrivals: number[][] = input.logins.map(() => []);
let waiting = input.logins.length;
let allArrived: () => void = () => undefined;
const everyone = new Promise<void>((resolve) => {
  allArrived = resolve;
});

function hasPost(object: unknown): boolean {
  const updates = object as TypeUpdates;
  if (updates._ !== "updates" && updates._ !== "updatesCombined") return false;
  return updates.updates.some((update) => update._ === "updateNewChannelMessage");
}

function open(index: number): SessionDriver<DcAddress> {
  const login = input.logins[index]!;
  return new SessionDriver<DcAddress>({
    env,
    transport: createTcpTransport({ crypto }),
    address: { dcId: 1, host: "127.0.0.1", port: input.port },
    authKey: createAuthKey(crypto, Uint8Array.from(Buffer.from(login.key, "hex"))),
    serverSalt: BigInt(login.salt),
    timeOffsetMs: 0,
    apiRegistry,
    onEvent: (event) => {
      if (event.type !== "update" || !hasPost(event.update)) return;
      const seen = arrivals[index]!;
      seen.push(epochNow());
      if (seen.length === 1 && --waiting === 0) allArrived();
    },
  });
}

const drivers: SessionDriver<DcAddress>[] = [];
for (let start = 0; start < input.logins.length; start += CONNECT_AT_ONCE) {
  const batch = input.logins.slice(start, start + CONNECT_AT_ONCE).map((_, i) => open(start + i));
  await Promise.all(
    batch.map(async (driver) => {
      await driver.connect();
      await driver.invoke({ _: "updates.getState" });
    }),
  );
  drivers.push(...batch);
}
console.log(JSON.stringify({ ready: drivers.length }));

await everyone;
await new Promise((resolve) => setTimeout(resolve, GRACE_MS));
const firsts = arrivals.map((times) => times[0] ?? Number.NaN).sort((a, b) => a - b);
const result: FanoutWorkerResult = {
  first: firsts[0] ?? Number.NaN,
  last: firsts[firsts.length - 1] ?? Number.NaN,
  median: firsts[Math.floor(firsts.length / 2)] ?? Number.NaN,
  duplicated: arrivals.filter((times) => times.length > 1).length,
  missing: arrivals.filter((times) => times.length === 0).length,
};
console.log(JSON.stringify(result));
await Promise.all(drivers.map((driver) => driver.close()));
process.exit(0);
