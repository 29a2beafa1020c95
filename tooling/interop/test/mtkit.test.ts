import { afterAll, beforeAll, describe, it } from "vitest";
import type { InteropPeer } from "../src/peer.js";
import { mtkitPeer, type MtkitTransport } from "../src/peers/mtkit-peer.js";
import { botTokenLogin, fileRoundTrip, groupPost, liveMessages, loginBoth, offlineCatchUp } from "../src/scenarios.js";
import { startServerProcess, type ServerProcess } from "../src/server-process.js";
import { seedArgs, seedBots, seedUsers } from "../src/world-seed.js";

// mtkit's own client runs the scenarios every peer library runs (mtcute.test.ts, gramjs.test.ts).
const TRANSPORTS: readonly MtkitTransport[] = ["intermediate", "abridged", "padded", "full", "websocket"];
const users = seedUsers("mtkit_u", TRANSPORTS.length * 2);
const bots = seedBots("mtkit", TRANSPORTS.length);

let server: ServerProcess;
const open: InteropPeer[] = [];
beforeAll(async () => {
  server = await startServerProcess(["--ws", ...seedArgs(users, bots)]);
});
afterAll(async () => {
  await Promise.allSettled(open.map((peer) => peer.close()));
  await server.stop();
});

function peer(transport: MtkitTransport): InteropPeer {
  const created = mtkitPeer(server.description, transport);
  open.push(created);
  return created;
}

describe.each(TRANSPORTS.map((transport, index) => ({ transport, index })))(
  "mtkit over $transport",
  ({ transport, index }) => {
    const alice = users[index * 2]!;
    const bob = users[index * 2 + 1]!;
    let a: InteropPeer;
    let b: InteropPeer;

    it("logs in with test numbers, messages live both ways", async () => {
      a = peer(transport);
      b = peer(transport);
      await loginBoth(a, alice, b, bob);
      await liveMessages(a, alice, b, bob);
    });

    it("catches up on a message sent while offline", async () => {
      await offlineCatchUp(a, b, bob);
    });

    it("creates a group and posts in it", async () => {
      await groupPost(a, b, bob);
    });

    it("uploads and downloads a file with the same SHA-256", async () => {
      await fileRoundTrip(a, 700_000);
    });

    it("a bot logs in with its token, receives a user's message and answers", async () => {
      await botTokenLogin(a, alice, peer(transport), bots[index]!);
    });
  },
);
