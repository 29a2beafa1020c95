// Every example under src/ runs here, against the real test server where it needs one.
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import { MemoryStorage, TelegramClient } from "@mtkit/client/node";
import { TestServer } from "@mtkit/test-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDuplexTransport } from "../src/duplex-transport.js";
import { createAuthKey } from "@mtkit/mtproto-crypto";
import { decryptMessage, mtprotoByHand, mtprotoLibrary, naiveAesEcb } from "../src/naive-vs-mtproto.js";
import { roundTrip } from "../src/tl-core-only.js";
import { measureRealObjects, table } from "../src/tl-vs-json.js";

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
    expect(roundTrip()).toEqual({
      hex: "4ca5e8dd0903000000000000fbffffffffffffff",
      json: '{"_":"inputPeerUser","userId":{"$long":"777"},"accessHash":{"$long":"-5"}}',
    });
  });

  it("naive-vs-mtproto: ECB leaks equal blocks; the by-hand MTProto 2.0 path equals encryptMessage and decrypts", () => {
    const naive = naiveAesEcb(new Uint8Array(32).fill(1), new Uint8Array(32).fill(7));
    expect(naive.subarray(0, 16)).toEqual(naive.subarray(16, 32));
    const authKey = crypto.randomFill(new Uint8Array(256));
    // salt, session_id, msg_id, seq_no, message_data_length = 8, then 8 bytes of body
    const plaintext = new Uint8Array(40);
    const view = new DataView(plaintext.buffer);
    view.setBigUint64(8, 42n, true);
    view.setBigUint64(16, 0x6000000000000004n, true);
    view.setInt32(28, 8, true);
    const padding = new Uint8Array(24).fill(3);
    const byHand = mtprotoByHand(crypto, authKey, plaintext, padding);
    expect(byHand).toEqual(mtprotoLibrary(crypto, authKey, plaintext, padding));
    expect(
      decryptMessage(crypto, createAuthKey(crypto, authKey), byHand, "client", { expectedSessionId: 42n }).sessionId,
    ).toBe(42n);
  });

  it("tl-vs-json (scaled down): real objects from the server, TL smaller than JSON for each", async () => {
    const rows = await measureRealObjects(20);
    expect(rows.map((r) => r.name)).toEqual(["nearestDc", "user (getMe)", "users.userFull", "config (5 DCs)"]);
    for (const row of rows) expect(row.tlBytes).toBeLessThan(row.jsonBytes);
    expect(table(rows).split("\n")).toHaveLength(6);
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
