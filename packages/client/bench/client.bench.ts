// Benchmarks of the session-independent client parts. Run: pnpm --filter @mtkit/client run bench
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bench, do_not_optimize, run, summary } from "mitata";
import {
  exportStringSession,
  importStringSession,
  MemoryStorage,
  PeerCache,
  RpcError,
  type ClientStorage,
} from "../src/index.js";
import { SqliteStorage } from "../src/storage/sqlite/index.js";

const dir = mkdtempSync(join(tmpdir(), "mtkit-bench-"));

/** A messages.messages-like response: 100 messages, 100 users, 20 channels (the shape of a getHistory page). */
function historyPage(idBase: bigint): unknown {
  const users = Array.from({ length: 100 }, (_, i) => ({
    _: "user",
    id: idBase + BigInt(i),
    accessHash: 0x1234_5678n + BigInt(i),
    firstName: `User ${i}`,
    username: `user_${idBase + BigInt(i)}`,
  }));
  const chats = Array.from({ length: 20 }, (_, i) => ({
    _: "channel",
    id: idBase + BigInt(i),
    accessHash: -BigInt(i + 1),
    title: `Channel ${i}`,
    photo: { _: "chatPhotoEmpty" },
    date: 0,
  }));
  const messages = Array.from({ length: 100 }, (_, i) => ({
    _: "message",
    id: i + 1,
    peerId: { _: "peerChannel", channelId: idBase },
    fromId: { _: "peerUser", userId: idBase + BigInt(i) },
    date: 1_700_000_000,
    message: "hello world",
    entities: [{ _: "messageEntityBold", offset: 0, length: 5 }],
  }));
  return { _: "messages.channelMessages", pts: 1, count: 100, messages, chats, users, topics: [] };
}

const stores: [string, ClientStorage][] = [
  ["memory", new MemoryStorage()],
  ["sqlite", new SqliteStorage(join(dir, "bench.session"))],
];
const known = historyPage(1000n);
for (const [, storage] of stores) await new PeerCache(storage.peers, { now: () => 1 }).ingest(known);

summary(() => {
  bench("RpcError parse FLOOD_WAIT_30", () => {
    do_not_optimize(new RpcError(420, "FLOOD_WAIT_30", "messages.sendMessage"));
  });
  bench("RpcError parse PEER_ID_INVALID", () => {
    do_not_optimize(new RpcError(400, "PEER_ID_INVALID"));
  });
});

for (const [name, storage] of stores) {
  const cache = new PeerCache(storage.peers, { now: () => 1 });
  let fresh = 1_000_000n;
  bench(`${name}: ingest page, all 120 peers known`, async () => {
    do_not_optimize(await cache.ingest(known));
  });
  bench(`${name}: ingest page, all 120 peers new`, async () => {
    do_not_optimize(await cache.ingest(historyPage((fresh += 1000n))));
  });
  bench(`${name}: resolve @username from cache`, async () => {
    do_not_optimize(await cache.resolvePeer("@user_1050"));
  });
}

const sqlite = stores[1]![1];
const key = new Uint8Array(256).fill(1);
bench("sqlite: durable auth-key write (fsync)", async () => {
  await sqlite.authKeys.setPermanent(2, key);
});
const session = { dc: { id: 2, ip: "149.154.167.51", port: 443 }, authKey: key, self: { userId: 1n, isBot: false } };
bench("string session export + import", () => {
  do_not_optimize(importStringSession(exportStringSession(session)));
});

await run();
for (const [, storage] of stores) await storage.close();
rmSync(dir, { recursive: true, force: true });
