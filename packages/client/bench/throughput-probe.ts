// Ad hoc: TelegramClient (or its driver) throughput at N in flight against an in-process TestServer.
// pnpm --filter @mtkit/client exec tsx bench/throughput-probe.ts [inFlight] [seconds]
import { TestServer } from "@mtkit/test-server";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import { MemoryStorage, TelegramClient } from "@mtkit/client/node";

const inFlight = Number(process.argv[2] ?? 100);
const seconds = Number(process.argv[3] ?? 3);
const crypto = createNodeCrypto();
const server = await TestServer.start({ dcs: 1, crypto });
const client = new TelegramClient({ apiId: 1, apiHash: "x", storage: new MemoryStorage(), testServer: server, pfs: false, crypto });
await client.connect();
async function run(ms: number): Promise<number> {
  let done = 0;
  const deadline = performance.now() + ms;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      await client.invoke({ _: "help.getNearestDc" });
      done++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  return (done / (performance.now() - start)) * 1000;
}
await run(1000);
for (let i = 0; i < 2; i++) console.log(`${inFlight} in flight: ${(await run(seconds * 1000)).toFixed(0)} calls/s`);
await client.disconnect();
await server.close();
