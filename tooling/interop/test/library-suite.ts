// The scenarios every library runs, once per transport it offers: each library's test file only says
// which library, which transports, and which scenarios it cannot run (with the reason).
import { afterAll, beforeAll, describe, it } from "vitest";
import type { InteropPeer } from "../src/peer.js";
import { botTokenLogin, fileRoundTrip, groupPost, liveMessages, loginBoth, offlineCatchUp } from "../src/scenarios.js";
import { startServerProcess, type ServerDescription, type ServerProcess } from "../src/server-process.js";
import { seedArgs, seedBots, seedUsers } from "../src/world-seed.js";

export interface LibrarySuite<T extends string> {
  /** As it appears in test names and seeded usernames. */
  readonly name: string;
  readonly transports: readonly T[];
  readonly create: (server: ServerDescription, transport: T) => InteropPeer;
  /** False for a library that does not catch up on missed updates (GramJS). */
  readonly catchesUp: boolean;
  /** Transports over which the file scenario cannot pass, and why (default: none). */
  readonly noFiles?: (transport: T) => boolean;
}

export function describeLibrary<T extends string>(suite: LibrarySuite<T>): void {
  const seedName = suite.name.toLowerCase();
  const users = seedUsers(`${seedName}_u`, suite.transports.length * 2);
  const bots = seedBots(seedName, suite.transports.length);
  let server: ServerProcess;
  const open: InteropPeer[] = [];
  beforeAll(async () => {
    server = await startServerProcess(["--ws", ...seedArgs(users, bots)]);
  });
  afterAll(async () => {
    await Promise.allSettled(open.map((peer) => peer.close()));
    await server.stop();
  });
  const peer = (transport: T): InteropPeer => {
    const created = suite.create(server.description, transport);
    open.push(created);
    return created;
  };

  describe.each(suite.transports.map((transport, index) => ({ transport, index })))(
    `${suite.name} over $transport`,
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

      if (suite.catchesUp)
        it("catches up on a message sent while offline", async () => {
          await offlineCatchUp(a, b, bob);
        });

      it("creates a group and posts in it", async () => {
        await groupPost(a, b, bob);
      });

      if (suite.noFiles?.(transport) !== true)
        it("uploads and downloads a file with the same SHA-256", async () => {
          await fileRoundTrip(a, 700_000);
        });

      it("a bot logs in with its token, receives a user's message and answers", async () => {
        await botTokenLogin(a, alice, peer(transport), bots[index]!);
      });
    },
  );
}
