import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import { generateServerRsaKey, TestServer } from "../src/index.js";
import { createKey, type MtkitClientOptions, openDriver } from "./helpers/mtkit-client.js";

describe("a client made of mtkit packages (session driver + transport-tcp/ws)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({ ws: true });
  });
  afterAll(async () => {
    await server.close();
  });

  const variants: [string, MtkitClientOptions][] = [
    ["abridged", { protocol: "abridged" }],
    ["intermediate", { protocol: "intermediate" }],
    ["padded intermediate", { protocol: "padded" }],
    ["full", { protocol: "full" }],
    ["obfuscated abridged", { protocol: "abridged", obfuscated: true }],
    ["obfuscated intermediate", { protocol: "intermediate", obfuscated: true }],
    ["obfuscated padded", { protocol: "padded", obfuscated: true }],
    ["WebSocket (obfuscated intermediate)", { webSocket: true }],
  ];
  for (const [name, options] of variants) {
    it(`handshake, initConnection + help.getConfig, help.getNearestDc and ping over ${name}`, async () => {
      const pongs: bigint[] = [];
      const driver = await openDriver(server, await createKey(server, options), {
        ...options,
        pingIntervalMs: 20,
        onEvent: (event) => {
          if (event.type === "pong") pongs.push(event.pingId);
        },
      });
      try {
        const config = await driver.invoke({
          _: "invokeWithLayer",
          layer: 228,
          query: {
            _: "initConnection",
            apiId: 1,
            deviceModel: "vitest",
            systemVersion: "1",
            appVersion: "1",
            systemLangCode: "en",
            langPack: "",
            langCode: "en",
            query: { _: "help.getConfig" },
          },
        });
        expect(config).toMatchObject({ _: "config", thisDc: 1 });
        const nearest = await driver.invoke({ _: "help.getNearestDc" });
        expect(nearest).toMatchObject({ _: "nearestDc", thisDc: 1 });
        await expect.poll(() => pongs.length, { timeout: 5000 }).toBeGreaterThan(0);
      } finally {
        await driver.close();
      }
    });
  }
});

describe("session features through the mtkit client", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(async () => {
    await server.close();
  });

  it("makes a temporary key that may only call a few methods until auth.bindTempAuthKey", async () => {
    const perm = await createKey(server);
    const temp = await createKey(server, { expiresIn: 3600 });
    const driver = await openDriver(server, temp);
    try {
      await expect(driver.invoke({ _: "updates.getState" })).rejects.toThrow(/AUTH_KEY_PERM_EMPTY/);
      await expect(driver.bindTempAuthKey(perm.authKey, temp.expiresAt!)).resolves.toBe(true);
      await expect(driver.invoke({ _: "updates.getState" })).resolves.toMatchObject({ _: "updates.state" });
      await expect(driver.invoke({ _: "updates.getDifference", pts: 1, date: 0, qts: 0 })).resolves.toMatchObject({
        _: "updates.differenceEmpty",
      });
      const record = server.dc(1).keys.get(temp.authKey.idLong);
      expect(record?.boundPermKeyId).toBe(perm.authKey.idLong);
    } finally {
      await driver.close();
    }
  });

  it("answers ping_delay_disconnect with pong", async () => {
    const pongs: bigint[] = [];
    const driver = await openDriver(server, await createKey(server), {
      pingIntervalMs: 30,
      onEvent: (event) => {
        if (event.type === "pong") pongs.push(event.pingId);
      },
    });
    try {
      await expect.poll(() => pongs.length, { timeout: 5000 }).toBeGreaterThan(1);
    } finally {
      await driver.close();
    }
  });

  it("pushes updates to a session", async () => {
    const updates: unknown[] = [];
    const driver = await openDriver(server, await createKey(server), {
      onEvent: (event) => {
        if (event.type === "update") updates.push(event.update);
      },
    });
    try {
      await driver.invoke({ _: "help.getNearestDc" }); // the session exists once it sent something
      expect(server.pushUpdates({ _: "updatesTooLong" })).toBeGreaterThan(0);
      await expect.poll(() => updates, { timeout: 5000 }).toContainEqual({ _: "updatesTooLong" });
    } finally {
      await driver.close();
    }
  });

  it("loses nothing when the connection drops mid-request: the answer arrives once, the handler runs once", async () => {
    let calls = 0;
    server.handle("help.getNearestDc", async (_request, ctx) => {
      calls++;
      await server.dropConnections();
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { _: "nearestDc" as const, country: "ZZ", thisDc: ctx.dcId, nearestDc: ctx.dcId };
    });
    const driver = await openDriver(server, await createKey(server));
    try {
      await expect(driver.invoke({ _: "help.getNearestDc" })).resolves.toMatchObject({ thisDc: 1 });
      expect(calls).toBe(1);
    } finally {
      await driver.close();
    }
  });
});

const sharedKey = generateServerRsaKey(createNodeCrypto());

describe("dh_gen_retry through the mtkit client", () => {
  it("retries with retry_id and ends with a working key", async () => {
    const server = await TestServer.start({ rsaKey: sharedKey });
    try {
      server.faults.dhGenRetry();
      const driver = await openDriver(server, await createKey(server));
      try {
        await expect(driver.invoke({ _: "help.getNearestDc" })).resolves.toMatchObject({ thisDc: 1 });
      } finally {
        await driver.close();
      }
    } finally {
      await server.close();
    }
  });
});

describe("handler registry", () => {
  it("answers 500 for a crashing handler, 400 for a missing one, and lets a fallback take over", async () => {
    const errors: unknown[] = [];
    const server = await TestServer.start({ rsaKey: sharedKey, onError: (error) => errors.push(error) });
    try {
      server.handle("help.getNearestDc", () => {
        throw new Error("boom");
      });
      const driver = await openDriver(server, await createKey(server));
      try {
        await expect(driver.invoke({ _: "help.getNearestDc" })).rejects.toThrow(/INTERNAL_SERVER_ERROR/);
        expect(errors).toContainEqual(new Error("boom"));
        await expect(driver.invoke({ _: "help.getAppConfig", hash: 0 })).rejects.toThrow(/METHOD_NOT_IMPLEMENTED/);
        server.fallback((request) =>
          request._ === "help.getAppConfig" ? { _: "help.appConfigNotModified" } : undefined,
        );
        await expect(driver.invoke({ _: "help.getAppConfig", hash: 0 })).resolves.toEqual({
          _: "help.appConfigNotModified",
        });
      } finally {
        await driver.close();
      }
    } finally {
      await server.close();
    }
  });
});
