// The updates engine and event dispatcher alone, in process, without a network: N updateShortMessage
// pushes handed to `client.updates.observePush` as the connection would, through the engine (order,
// batch, state save in MemoryStorage) and the dispatcher (peer cache, `newMessage` event) to one
// handler. Prints CPU microseconds per update for three rounds (the first warms the JIT up). It is the
// part of the live-updates row (updates-live.bench.ts) that the updates code owns; the rest of a
// receiver's time is decryption, TL decoding, acks and the socket.
// Run: pnpm --filter @mtkit/bench run bench:updates-engine [-- --quick]   (--quick: 5,000 per round)
import { MemoryStorage } from "@mtkit/client";
import { TelegramClient } from "@mtkit/client/node";

const N = process.argv.includes("--quick") ? 5_000 : 20_000;
const SENDER = 2000n;
const storage = new MemoryStorage();
await storage.session.setSelf({ userId: 1000n, isBot: false });
await storage.updates.set({ pts: 1, qts: 0, date: 1, seq: 0 });
// Never connected: the engine starts from the stored state, the handler sees what is pushed in by hand.
const client = new TelegramClient({
  apiId: 1,
  apiHash: "0".repeat(32),
  storage,
  testServer: { endpoints: [{ id: 1, host: "127.0.0.1", port: 1 }], publicKeyPem: "" },
});
await client.peers.ingest({ users: [{ _: "user", id: SENDER, accessHash: 5n, firstName: "Sender" }] });
// Loads the stored state; its getDifference fails (no connection), which is all right here.
await client.updates.catchUp().catch(() => undefined);

let handled = 0;
let wake: () => void = () => undefined;
client.on("newMessage", () => {
  if (++handled === N) wake();
});
console.log(`updates engine + dispatcher, in process: ${N.toLocaleString("en")} updateShortMessage pushes per round`);
let pts = 1;
for (let round = 1; round <= 3; round++) {
  handled = 0;
  const all = new Promise<void>((resolve) => {
    wake = resolve;
  });
  const cpu = process.cpuUsage();
  for (let i = 0; i < N; i++) {
    pts++;
    client.updates.observePush({
      _: "updateShortMessage",
      id: pts,
      userId: SENDER,
      message: `live ${i}`,
      pts,
      ptsCount: 1,
      date: 1,
    });
    // As pushes arrive from a socket: a few at a time, the event loop turning in between.
    if (i % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
  }
  await all;
  await client.updates.flush();
  const used = process.cpuUsage(cpu);
  const micros = (used.user + used.system) / N;
  console.log(
    `  round ${round}: ${micros.toFixed(1)} µs CPU per update (${Math.round(1e6 / micros).toLocaleString("en")} per CPU second)`,
  );
}
