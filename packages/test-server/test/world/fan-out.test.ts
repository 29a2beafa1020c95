// Fan-out of one channel post to many online sessions, scaled down from the benchmark's 1,000
// (`pnpm --filter @mtkit/bench run bench:fanout`): 50 accounts online through seeded logins (no
// handshakes), each on its own connection; every session gets the post once, then a second one.
import { createAuthKey } from "@mtkit/mtproto-crypto";
import { SessionDriver } from "@mtkit/session";
import { apiRegistry, type TypeUpdates } from "@mtkit/tl-core/api";
import { createTcpTransport } from "@mtkit/transport-tcp";
import type { DcAddress } from "@mtkit/transport-tcp/transport";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installWorld, TestServer, type WorldServer } from "../../src/index.js";
import { env } from "../helpers/mtkit-client.js";

const SESSIONS = 50;
let server: TestServer;
let world: WorldServer;
beforeAll(async () => {
  server = await TestServer.start({ dcs: 1, crypto: env.crypto });
  world = installWorld(server, { homeDc: 1, crypto: env.crypto });
});
afterAll(async () => {
  world.close();
  await server.close();
});

function postTexts(object: unknown): string[] {
  const updates = object as TypeUpdates;
  if (updates._ !== "updates" && updates._ !== "updatesCombined") return [];
  return updates.updates.flatMap((update) =>
    update._ === "updateNewChannelMessage" && update.message._ === "message" ? [update.message.message] : [],
  );
}

async function until(check: () => boolean, what: string): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > 20_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("test server: fan-out of a channel post", () => {
  it(`reaches each of ${String(SESSIONS)} online sessions once`, async () => {
    const poster = world.addUser({ phone: "+1 555 8000", firstName: "Poster" });
    const members = Array.from({ length: SESSIONS }, (_, i) =>
      world.addUser({ phone: `+1 555 81${String(i).padStart(2, "0")}`, firstName: `Member ${String(i)}` }),
    );
    const channel = world.addChannel({
      title: "Fan-out",
      creatorId: poster.id,
      memberIds: members.map((m) => m.id),
      generatedMembers: 1000,
    });
    const endpoint = server.endpoints[0]!;
    const received = members.map((): string[] => []);
    const drivers = await Promise.all(
      members.map(async (member, i) => {
        const login = world.seedLogin(member.id);
        const driver = new SessionDriver<DcAddress>({
          env,
          transport: createTcpTransport({ crypto: env.crypto }),
          address: { dcId: login.dcId, host: "127.0.0.1", port: endpoint.port },
          authKey: createAuthKey(env.crypto, login.authKey),
          serverSalt: login.serverSalt,
          timeOffsetMs: 0,
          apiRegistry,
          onEvent: (event) => {
            if (event.type === "update") received[i]!.push(...postTexts(event.update));
          },
        });
        await driver.connect();
        // The first call opens the server's session: from now on it is online for pushes.
        await driver.invoke({ _: "updates.getState" });
        return driver;
      }),
    );
    try {
      world.world.channels.post(poster.id, channel.id, { text: "to everyone" });
      await until(() => received.every((texts) => texts.length >= 1), "the post in every session");
      world.world.channels.post(poster.id, channel.id, { text: "and again" });
      await until(() => received.every((texts) => texts.length >= 2), "the second post in every session");
      for (const texts of received) expect(texts).toEqual(["to everyone", "and again"]);
    } finally {
      await Promise.all(drivers.map((driver) => driver.close()));
    }
  });
});
