// Updates catch-up: an account that was offline while 100,000 messages arrived comes back and the
// mtkit client's updates engine fetches them (getDifference slices of 1,000, each delivered to the
// sink and saved before the next), against an in-process @mtkit/test-server world over loopback TCP.
// Prints the time, updates per second, and the peak heap growth of this process while catching up
// (the server shares the process, so the figure is an upper bound for the client).
// Run: pnpm --filter @mtkit/bench run bench:updates [-- --quick]   (--quick: 10,000 messages)
// Planned: the same row for mtcute (which also recovers gaps) and live updates per second.
import { MemoryStorage } from "@mtkit/client";
import { TelegramClient } from "@mtkit/client/node";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import { installWorld, TestServer } from "@mtkit/test-server";

const MESSAGES = process.argv.includes("--quick") ? 10_000 : 100_000;
const crypto = createNodeCrypto();
const server = await TestServer.start({ dcs: 1, crypto });
const world = installWorld(server, { crypto, homeDc: 1, limits: { sliceSize: 1000, tooLongAfter: 10_000_000 } });

function client(storage: MemoryStorage, sink: (count: number) => void): TelegramClient {
  return new TelegramClient({
    apiId: 1,
    apiHash: "x",
    storage,
    crypto,
    testServer: server,
    updates: {
      sink: ({ updates }) => {
        sink(updates.length);
      },
    },
  });
}

const alice = world.addUser({ phone: "+1 555 7000", firstName: "Alice" });
const bobStorage = new MemoryStorage();
const first = client(bobStorage, () => undefined);
const bob = await first.start({ phone: "9996640001", code: () => "44444", firstName: "Bob" });
await first.updates.catchUp();
await first.disconnect();

for (let i = 0; i < MESSAGES; i++)
  world.world.chatMessaging.send(alice.id, { kind: "user", id: bob.id }, { text: `missed ${i}` });

global.gc?.();
const baseline = process.memoryUsage().heapUsed;
let peak = baseline;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().heapUsed);
}, 20);
let received = 0;
const second = client(bobStorage, (count) => {
  received += count;
  peak = Math.max(peak, process.memoryUsage().heapUsed);
});
const started = performance.now();
await second.connect();
await second.updates.catchUp();
const ms = performance.now() - started;
clearInterval(sampler);
await second.disconnect();
await server.close();

if (received < MESSAGES) throw new Error(`caught up ${received} of ${MESSAGES} updates`);
const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
console.log(
  `updates catch-up: ${MESSAGES.toLocaleString("en")} missed messages in ${(ms / 1000).toFixed(2)} s ` +
    `(${Math.round((received / ms) * 1000).toLocaleString("en")} updates/s), peak heap growth ${mib(peak - baseline)} MiB (client and server in one process)`,
);
