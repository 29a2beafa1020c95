// Every example under src/ runs here, against the real test server where it needs one.
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import { MemoryStorage, TelegramClient } from "@mtkit/client/node";
import { TestServer } from "@mtkit/test-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDuplexTransport } from "../src/duplex-transport.js";
import { roundTrip } from "../src/tl-core-only.js";

const crypto = createNodeCrypto();
let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start({ crypto });
});
afterAll(async () => {
  await server.close();
});

describe("examples", () => {
  it("tl-core-only: encodes and decodes inputPeerUser", () => {
    expect(roundTrip()).toEqual({ hex: "4ca5e8dd0903000000000000fbffffffffffffff", json: '{"_":"inputPeerUser","userId":{"$long":"777"},"accessHash":{"$long":"-5"}}' });
  });

  it.each([
    ["plain intermediate", { protocol: "intermediate" as const }],
    ["obfuscated abridged", { protocol: "abridged" as const, obfuscation: true, crypto }],
  ])("build your own transport (%s): the whole TelegramClient runs over the Duplex carrier", async (_name, codec) => {
    const client = new TelegramClient({
      apiId: 1,
      apiHash: "0123456789abcdef0123456789abcdef",
      storage: new MemoryStorage(),
      testServer: server,
      transport: () => createDuplexTransport(codec),
    });
    await client.connect();
    expect(await client.invoke({ _: "help.getNearestDc" })).toMatchObject({ _: "nearestDc", thisDc: 1 });
    await client.disconnect();
  });
});
