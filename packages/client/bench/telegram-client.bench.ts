// TelegramClient against a real @mtkit/test-server on loopback TCP. Run:
// pnpm --filter @mtkit/client exec tsx bench/telegram-client.bench.ts
import { bench, do_not_optimize, run } from "mitata";
import { TestServer } from "@mtkit/test-server";
import { MemoryStorage, TelegramClient } from "../src/node/index.js";

const server = await TestServer.start({ dcs: 1 });
const client = new TelegramClient({ apiId: 1, apiHash: "x", storage: new MemoryStorage(), testServer: server });
await client.connect();

bench("invoke help.getNearestDc (one round trip, TCP loopback)", async () => {
  do_not_optimize(await client.invoke({ _: "help.getNearestDc" }));
});
bench("100 concurrent invokes (batched into containers)", async () => {
  do_not_optimize(await Promise.all(Array.from({ length: 100 }, () => client.invoke({ _: "help.getNearestDc" }))));
});
bench("new client: connect (perm + temp key, bind) + first call", async () => {
  const fresh = new TelegramClient({ apiId: 1, apiHash: "x", storage: new MemoryStorage(), testServer: server });
  await fresh.connect();
  await fresh.disconnect();
});

await run();
await client.disconnect();
await server.close();
