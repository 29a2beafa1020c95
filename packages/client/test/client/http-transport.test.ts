// The whole client over the HTTP transport (https://core.telegram.org/mtproto/transports#http)
// against the test server's HTTP listener: login with PHONE_MIGRATE, invoke, and server pushes
// arriving through the http_wait long poll, on real sockets.
import { installWorld, TestServer, type WorldServer } from "@mtkit/test-server";
import { createHttpTransport, type FetchLike } from "@mtkit/transport-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { incoming } from "../../src/events/index.js";
import type { Message } from "../../src/messages/message.js";
import { TelegramClient } from "../../src/node/index.js";
import type { TelegramClientOptions } from "../../src/client/options.js";
import { MemoryStorage } from "../../src/storage/memory/memory-storage.js";
import { crypto } from "./harness.js";
import { waitFor } from "../world/world-harness.js";

const ALICE = { phone: "+1 555 0300", firstName: "Alice", username: "alice_http" } as const;
const BOB = { phone: "+1 555 0301", firstName: "Bob", username: "bob_tcp" } as const;
let server: TestServer;
let world: WorldServer;

beforeAll(async () => {
  server = await TestServer.start({ dcs: 2, http: true, crypto });
  world = installWorld(server, { crypto, homeDc: 2, users: [ALICE, BOB] });
});
afterAll(async () => {
  await server.close();
});

/** A client that knows the DCs only by their HTTP ports, as a network that lets only HTTP pass. */
function httpClient(transport: TelegramClientOptions["transport"] = "http"): TelegramClient {
  return new TelegramClient({
    apiId: 12345,
    apiHash: "0123456789abcdef0123456789abcdef",
    storage: new MemoryStorage(),
    crypto,
    transport,
    dcs: server.endpoints.map((dc) => ({ id: dc.id, host: dc.host, port: dc.httpPort ?? 0 })),
    rsaKeys: [server.publicKeyPem],
    random: () => 0,
  });
}

async function login(client: TelegramClient, phone: string): Promise<void> {
  await client.connect();
  const sent = await client.sendCode(phone);
  await client.signIn(sent, world.lastCode(phone) ?? "");
}

describe("TelegramClient over HTTP", () => {
  it('transport "http": auth keys, login with PHONE_MIGRATE_2, invoke', async () => {
    const client = httpClient();
    try {
      await login(client, ALICE.phone);
      expect(client.homeDcId).toBe(2);
      expect(await client.getMe()).toMatchObject({ username: ALICE.username, self: true });
      expect(await client.invoke({ _: "help.getNearestDc" })).toMatchObject({ thisDc: 2 });
      const many = await Promise.all(Array.from({ length: 20 }, () => client.invoke({ _: "help.getNearestDc" })));
      expect(many).toHaveLength(20);
    } finally {
      await client.disconnect();
    }
  });

  it("a message sent over TCP reaches the HTTP client through the long poll, with no busy polling", async () => {
    let posts = 0;
    const countingFetch: FetchLike = (url, init) => {
      posts++;
      return fetch(url, init as RequestInit);
    };
    const alice = httpClient(() => createHttpTransport({ fetch: countingFetch }));
    const bob = new TelegramClient({
      apiId: 12345,
      apiHash: "0123456789abcdef0123456789abcdef",
      storage: new MemoryStorage(),
      crypto,
      testServer: server,
      random: () => 0,
    });
    try {
      await login(alice, ALICE.phone);
      await login(bob, BOB.phone);
      // Idle: the poll is held by the server, so hardly any requests go out.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const before = posts;
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(posts - before).toBeLessThanOrEqual(1);
      const received = waitFor<Message>((push) => alice.on("newMessage", push, incoming));
      await bob.sendText(`@${ALICE.username}`, "over the long poll");
      expect(await received).toMatchObject({ text: "over the long poll", outgoing: false });
    } finally {
      await alice.disconnect();
      await bob.disconnect();
    }
  });
});
