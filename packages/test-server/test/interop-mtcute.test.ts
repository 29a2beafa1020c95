import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestServer } from "../src/index.js";
import { createMtcuteClient, type MtcuteTransport } from "./helpers/mtcute.js";

describe("mtcute 0.30.3 against the test server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({ dcs: 2 });
  });
  afterAll(async () => {
    await server.close();
  });

  const transports: MtcuteTransport[] = ["intermediate", "padded", "obfuscated", "obfuscated-padded"];
  for (const transport of transports) {
    it(`creates a key and calls help.getConfig over ${transport}`, async () => {
      const client = createMtcuteClient(server, { transport });
      try {
        const config = await client.call({ _: "help.getConfig" });
        expect(config.thisDc).toBe(1);
        expect(config.dcOptions.map((o) => [o.id, o.port, o.mediaOnly])).toEqual([
          [1, server.endpoints[0]!.port, false],
          [1, server.endpoints[0]!.port, true],
          [2, server.endpoints[1]!.port, false],
          [2, server.endpoints[1]!.port, true],
        ]);
        const nearest = await client.call({ _: "help.getNearestDc" });
        expect(nearest).toMatchObject({ _: "nearestDc", thisDc: 1 });
      } finally {
        await client.destroy();
      }
    });
  }

  it("announces its layer and app through invokeWithLayer + initConnection", async () => {
    let seen: { layer: number | undefined; device: string | undefined } | undefined;
    server.handle("help.getNearestDc", (_request, ctx) => {
      seen = { layer: ctx.layer, device: ctx.client?.deviceModel };
      return { _: "nearestDc" as const, country: "ZZ", thisDc: ctx.dcId, nearestDc: ctx.dcId };
    });
    const client = createMtcuteClient(server);
    try {
      await client.call({ _: "help.getNearestDc" });
      expect(seen?.layer).toBe(227);
      expect(seen?.device).toMatch(/mtcute/);
    } finally {
      await client.destroy();
    }
  });

  it("makes a temporary key and binds it (PFS, auth.bindTempAuthKey)", async () => {
    const client = createMtcuteClient(server, { pfs: true, dcId: 2 });
    const before = server.authKeyIds(2).length;
    try {
      const config = await client.call({ _: "help.getConfig" });
      expect(config.thisDc).toBe(2);
      const keys = server.dc(2).keys;
      const temp = keys.values().filter((record) => record.expiresAt !== undefined);
      expect(temp.length).toBeGreaterThan(0);
      expect(
        temp.every((record) => record.boundPermKeyId !== undefined && keys.get(record.boundPermKeyId) !== undefined),
      ).toBe(true);
      expect(server.authKeyIds(2).length).toBe(before + 2);
    } finally {
      await client.destroy();
    }
  });

  for (const [kind, secret] of [
    ["simple", "00112233445566778899aabbccddeeff"],
    ["dd (padded)", "dd00112233445566778899aabbccddeeff"],
    ["ee (fake-TLS)", "ee00112233445566778899aabbccddeeff" + Buffer.from("example.com").toString("hex")],
  ] as const) {
    it(`accepts mtcute through the server as an MTProxy with a ${kind} secret`, async () => {
      const proxied = await TestServer.start({ rsaKey: server.rsaKey, secrets: [secret] });
      const client = createMtcuteClient(proxied, { proxySecret: secret });
      try {
        const config = await client.call({ _: "help.getConfig" });
        expect(config._).toBe("config");
      } finally {
        await client.destroy();
        await proxied.close();
      }
    });
  }
});
