// Telegram's built-in DC tables, DC options refreshed from help.getConfig and stored, a client that
// starts from the stored options with only apiId/apiHash (+ the server's key as PEM text), transports
// chosen by name, and MTProxy links. No internet here: the "network" is the local test server.
import { TestServer } from "@mtkit/test-server";
import { telegramWebSocketUrl } from "@mtkit/transport-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDcOptions, saveDcOptions } from "../../src/client/dc-options-store.js";
import { parseProxyLink, ProxyLinkError } from "../../src/client/proxy-link.js";
import { TELEGRAM_PRODUCTION_DCS, TELEGRAM_TEST_DCS, telegramDcEndpoints } from "../../src/client/telegram-dcs.js";
import { TelegramClient as PortableTelegramClient } from "../../src/client/telegram-client.js";
import { TelegramClient } from "../../src/node/index.js";
import { MemoryStorage } from "../../src/storage/memory/memory-storage.js";
import { crypto } from "./harness.js";

const app = { apiId: 12345, apiHash: "0123456789abcdef0123456789abcdef" } as const;
const SECRET = "dd0123456789abcdef0123456789abcdef";
let server: TestServer;
let proxied: TestServer;

beforeAll(async () => {
  server = await TestServer.start({ dcs: 2, crypto });
  proxied = await TestServer.start({ crypto, secrets: [SECRET] });
});
afterAll(async () => {
  await server.close();
  await proxied.close();
});

describe("built-in DC tables", () => {
  it("production: DCs 1-5 on port 443, DC 2 first (the home DC until the server says otherwise)", () => {
    const endpoints = telegramDcEndpoints();
    expect(endpoints.map((dc) => dc.id)).toEqual([2, 1, 3, 4, 5]);
    expect(
      endpoints.every((dc) => dc.port === 443 && /^\d+\.\d+\.\d+\.\d+$/.test(dc.host) && dc.testMode === undefined),
    ).toBe(true);
    expect(telegramDcEndpoints({ ipv6: true }).every((dc) => dc.host.startsWith("2001:"))).toBe(true);
  });

  it("test mode: DCs 1-3, marked testMode so transports use apiws_test and id + 10000", () => {
    const endpoints = telegramDcEndpoints({ testMode: true });
    expect(endpoints.map((dc) => [dc.id, dc.testMode])).toEqual([
      [2, true],
      [1, true],
      [3, true],
    ]);
    expect(endpoints.find((dc) => dc.id === 2)?.host).toBe("149.154.167.40");
  });

  it("the tables' WebSocket endpoints are the ones transport-ws dials", () => {
    for (const dc of TELEGRAM_PRODUCTION_DCS) expect(dc.webSocket).toBe(telegramWebSocketUrl(dc.id));
    for (const dc of TELEGRAM_TEST_DCS) expect(dc.webSocket).toBe(telegramWebSocketUrl(dc.id, { testMode: true }));
  });
});

describe("DC options from help.getConfig", () => {
  it("refreshDcOptions stores the server's dc_options; garbage in storage reads as nothing", async () => {
    const storage = new MemoryStorage();
    const client = new TelegramClient({ ...app, storage, crypto, testServer: server });
    await client.connect();
    await client.refreshDcOptions();
    await client.disconnect();
    const stored = await loadDcOptions(storage.kv);
    expect(stored.map((dc) => [dc.id, dc.host, dc.port])).toEqual(
      server.endpoints.map((dc) => [dc.id, "127.0.0.1", dc.port]),
    );
    await storage.kv.set("dc_options", new TextEncoder().encode("{not json"));
    expect(await loadDcOptions(storage.kv)).toEqual([]);
  });

  it("a client with only apiId/apiHash (and the key as PEM text) starts from the stored options, not the built-in table", async () => {
    const storage = new MemoryStorage();
    await saveDcOptions(
      storage.kv,
      server.endpoints.map((dc) => ({ id: dc.id, host: dc.host, port: dc.port })),
    );
    const events: string[] = [];
    const client = new TelegramClient({
      ...app,
      storage,
      crypto,
      rsaKeys: [server.publicKeyPem],
      onEvent: (e) => events.push(e.type),
      requestTimeoutMs: 10_000,
    });
    await client.connect();
    expect(client.homeDcId).toBe(2); // the built-in table's first DC, at the stored address
    expect(await client.invoke({ _: "help.getNearestDc" })).toMatchObject({ thisDc: 2 });
    await client.disconnect();
    expect(events).toContain("auth_key_created");
  });
});

describe("transport by name, MTProxy links", () => {
  it.each(["intermediate", "abridged", "padded", "full"] as const)("transport %s over TCP", async (transport) => {
    const client = new TelegramClient({ ...app, storage: new MemoryStorage(), crypto, testServer: server, transport });
    await client.connect();
    expect(await client.invoke({ _: "help.getNearestDc" })).toMatchObject({ thisDc: 1 });
    await client.disconnect();
  });

  it("the portable client refuses TCP names with a pointer to @mtkit/client/node", async () => {
    const client = new PortableTelegramClient({
      ...app,
      storage: new MemoryStorage(),
      crypto,
      testServer: server,
      transport: "abridged",
    });
    await expect(client.connect()).rejects.toThrow(/@mtkit\/client\/node/);
  });

  it("a tg://proxy link dials the proxy with its secret (the test server accepts that secret)", async () => {
    const port = proxied.endpoints[0]!.port;
    const client = new TelegramClient({
      ...app,
      storage: new MemoryStorage(),
      crypto,
      testServer: proxied,
      transport: `tg://proxy?server=127.0.0.1&port=${port}&secret=${SECRET}`,
    });
    await client.connect();
    expect(await client.invoke({ _: "help.getNearestDc" })).toMatchObject({ thisDc: 1 });
    await client.disconnect();
  });

  it("parses tg:// and t.me links, and names what is wrong in a bad one", () => {
    expect(parseProxyLink(`https://t.me/proxy?server=proxy.example&port=443&secret=${SECRET}`)).toMatchObject({
      server: "proxy.example",
      port: 443,
      secret: { kind: "secured" },
    });
    const field = (link: string): unknown => {
      try {
        parseProxyLink(link);
        return "parsed";
      } catch (error) {
        return error instanceof ProxyLinkError ? error.field : error;
      }
    };
    expect(field("http://proxy?server=a&port=1&secret=00")).toBe("link");
    expect(field(`tg://proxy?server=&port=443&secret=${SECRET}`)).toBe("server");
    expect(field(`tg://proxy?server=a&port=70000&secret=${SECRET}`)).toBe("port");
    expect(field("tg://proxy?server=a&port=443&secret=zz")).toBe("secret");
  });
});
