import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import type { FramingProtocol } from "@mtkit/transport-tcp/codec";
import type { ServerConnectionLink } from "@mtkit/transport-tcp/transport";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebSocketTransport, telegramWebSocketUrl, WebSocketTransportServer } from "../src/index.js";
import { EventCollector } from "./helpers/collect.js";

const crypto = createNodeCrypto();
const SIMPLE = "00112233445566778899aabbccddeeff";
const SECURED = "ddf05fb7acb549be047a7c585116581418";
const FAKE_TLS = "ee852380f362a09343efb4690c4e17862e676f6f676c652e636f6d";
let server: WebSocketTransportServer;
const accepted: ServerConnectionLink[] = [];

beforeAll(async () => {
  server = await WebSocketTransportServer.listen({
    crypto,
    secrets: [SIMPLE, SECURED, FAKE_TLS],
    path: "/apiws",
    maxPacketLength: 4 * 1024 * 1024,
  });
  server.onConnection((connection) => {
    accepted.push(connection);
    connection.subscribe((event) => {
      if (event.type === "packet") void connection.send(event.packet);
    });
  });
});

afterAll(async () => {
  await server.close();
});

const url = () => `ws://127.0.0.1:${server.port ?? 0}/apiws`;
const packet = (blocks: number, fill: number) => new Uint8Array(24 + 16 * blocks).fill(fill);

const modes = [
  ["obfuscated (default)", undefined],
  ["plain", false],
  ["MTProxy simple secret", { secret: SIMPLE }],
  ["MTProxy dd secret", { secret: SECURED }],
  ["MTProxy ee fake-TLS", { secret: FAKE_TLS }],
] as const;
const protocols: FramingProtocol[] = ["abridged", "intermediate", "padded"];

describe.each(protocols)("WebSocket loopback, %s", (protocol) => {
  it.each(modes)("%s: echoes small and 1 MiB packets", async (_name, obfuscation) => {
    const transport = createWebSocketTransport({
      crypto,
      protocol,
      url,
      maxPacketLength: 4 * 1024 * 1024,
      ...(obfuscation === undefined ? {} : { obfuscation }),
    });
    const events = new EventCollector(transport);
    await transport.connect({ dcId: 2, host: "127.0.0.1", port: 0 });
    const sent = [packet(1, 1), packet(65_536, 2), packet(3, 3)];
    for (const p of sent) await transport.send(p);
    await events.waitFor(() => events.packets().length === 3);
    expect(events.packets().map((p) => Buffer.from(p).toString("base64"))).toEqual(
      sent.map((p) => Buffer.from(p).toString("base64")),
    );
    const info = accepted.at(-1)?.info;
    expect(info?.obfuscated).toBe(obfuscation !== false);
    if (obfuscation !== false) expect(info?.dcId).toBe(2);
    await transport.close();
    expect(events.events.at(-1)).toEqual({ type: "close" });
  });
});

describe("WebSocket carrier", () => {
  it("uses the full transport too when obfuscation is off", async () => {
    const transport = createWebSocketTransport({ crypto, protocol: "full", obfuscation: false, url });
    const events = new EventCollector(transport);
    await transport.connect({ dcId: 2, host: "", port: 0 });
    await transport.send(packet(1, 9));
    await events.waitFor(() => events.packets().length === 1);
    expect(accepted.at(-1)?.info?.protocol).toBe("full");
    await transport.close();
  });

  it("server close reaches the client as a clean close (code 1000)", async () => {
    const transport = createWebSocketTransport({ crypto, url });
    const events = new EventCollector(transport);
    await transport.connect({ dcId: 2, host: "", port: 0 });
    await transport.send(packet(1, 1));
    await events.waitFor(() => events.packets().length === 1);
    await accepted.at(-1)!.close();
    await events.waitFor(() => events.events.some((e) => e.type === "close"));
    expect(events.events.at(-1)).toEqual({ type: "close" });
  });

  it("an unreachable endpoint is a typed error", async () => {
    const transport = createWebSocketTransport({ crypto, url: "ws://127.0.0.1:1/apiws", connectTimeoutMs: 2000 });
    await expect(transport.connect({ dcId: 2, host: "", port: 0 })).rejects.toMatchObject({ name: "TransportError" });
  });

  it("the server refuses a wrong path", async () => {
    const transport = createWebSocketTransport({
      crypto,
      url: `ws://127.0.0.1:${server.port ?? 0}/other`,
      connectTimeoutMs: 2000,
    });
    await expect(transport.connect({ dcId: 2, host: "", port: 0 })).rejects.toMatchObject({ code: "CARRIER" });
  });
});

describe("handshake", () => {
  it("offers Sec-WebSocket-Protocol: binary and sends binary frames only", async () => {
    const { WebSocketServer } = await import("ws");
    const offered: string[][] = [];
    const frames: boolean[] = [];
    const raw = new WebSocketServer({
      host: "127.0.0.1",
      port: 0,
      handleProtocols: (protocols) => {
        offered.push([...protocols]);
        return "binary";
      },
    });
    raw.on("connection", (socket) => socket.on("message", (_data, isBinary) => frames.push(isBinary)));
    await new Promise((resolve) => raw.once("listening", resolve));
    const port = (raw.address() as import("node:net").AddressInfo).port;
    const transport = createWebSocketTransport({ crypto, url: `ws://127.0.0.1:${port}/apiws` });
    await transport.connect({ dcId: 2, host: "", port: 0 });
    await transport.send(packet(1, 1));
    const deadline = Date.now() + 5000;
    while (frames.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    await transport.close();
    await new Promise((resolve) => {
      raw.close(resolve);
    });
    expect(offered).toEqual([["binary"]]);
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.every(Boolean)).toBe(true);
  });
});

describe("telegramWebSocketUrl", () => {
  it("maps DC ids to the web endpoints", () => {
    expect([1, 2, 3, 4, 5].map((dc) => telegramWebSocketUrl(dc))).toEqual([
      "wss://pluto.web.telegram.org/apiws",
      "wss://venus.web.telegram.org/apiws",
      "wss://aurora.web.telegram.org/apiws",
      "wss://vesta.web.telegram.org/apiws",
      "wss://flora.web.telegram.org/apiws",
    ]);
    expect(telegramWebSocketUrl(2, { testMode: true })).toBe("wss://venus.web.telegram.org/apiws_test");
    expect(() => telegramWebSocketUrl(6)).toThrow(RangeError);
  });
});

describe("package exports", () => {
  it("maps the browser condition to the entry without ws", async () => {
    const { readFile } = await import("node:fs/promises");
    const manifest = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8")) as {
      exports: Record<string, Record<string, string>>;
    };
    expect(manifest.exports["."]).toMatchObject({ browser: "./dist/browser.js", default: "./dist/index.js" });
    const browserSource = await readFile(new URL("../src/browser.ts", import.meta.url), "utf8");
    expect(browserSource).not.toMatch(/from "ws"|from "node:/);
  });
});
