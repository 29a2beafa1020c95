import { fileURLToPath } from "node:url";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import { launchChromium, serveBundle, type ServedBundle } from "@mtkit/test-browser";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocketTransportServer } from "../src/index.js";
import type { BrowserRunOptions } from "./browser/page.js";

const SECRET_FAKE_TLS = "ee852380f362a09343efb4690c4e17862e676f6f676c652e636f6d";
const SECRET_SECURED = "ddf05fb7acb549be047a7c585116581418";
let served: ServedBundle;
let wsServer: WebSocketTransportServer;
let browser: Browser;
let page: Page;
let bundleInputs: readonly string[] = [];
let origin = "";

beforeAll(async () => {
  // The page bundle: platform "browser" fails on any `node:` import, and the inputs list shows `ws` is absent.
  served = await serveBundle({
    entry: fileURLToPath(new URL("./browser/page.ts", import.meta.url)),
    title: "transport-ws",
  });
  bundleInputs = served.inputs;
  origin = served.origin;
  wsServer = await WebSocketTransportServer.listen({
    server: served.http,
    path: "/apiws",
    crypto: createNodeCrypto(),
    secrets: [SECRET_FAKE_TLS, SECRET_SECURED],
  });
  wsServer.onConnection((connection) => {
    connection.subscribe((event) => {
      if (event.type === "packet") void connection.send(event.packet);
    });
  });
  // CHROMIUM_PATH, a system Chromium, or the one shipped in an npm package; the suite log says which.
  ({ browser } = await launchChromium({ args: ["--disable-quic", "--disable-component-update"] }));
  page = await browser.newPage();
  await page.goto(`http://${origin}/`);
  await page.waitForFunction(() => typeof window.runTransportExchange === "function", undefined, { timeout: 10_000 });
}, 60_000);

afterAll(async () => {
  await browser.close();
  await wsServer.close();
  await served.close();
});

describe("transport-ws in a real browser (Chromium)", () => {
  it("the browser bundle pulls in neither `ws` nor node: modules", () => {
    expect(bundleInputs.some((input) => input.includes("src/browser.ts"))).toBe(true);
    expect(bundleInputs.filter((input) => /node_modules\/ws\/|^node:/.test(input))).toEqual([]);
  });

  const cases: [string, Omit<BrowserRunOptions, "url">][] = [
    ["obfuscated intermediate", { protocol: "intermediate", obfuscation: true }],
    ["obfuscated abridged", { protocol: "abridged", obfuscation: true }],
    ["obfuscated padded", { protocol: "padded", obfuscation: { dcId: 2 } }],
    ["MTProxy dd secret", { protocol: "padded", obfuscation: { secret: SECRET_SECURED } }],
    ["MTProxy fake-TLS secret", { protocol: "padded", obfuscation: { secret: SECRET_FAKE_TLS } }],
  ];

  it.each(cases)("%s: packets round-trip through the browser WebSocket", async (_name, options) => {
    const result = await page.evaluate((run) => window.runTransportExchange(run), {
      ...options,
      url: `ws://${origin}/apiws`,
    });
    const separator = result.indexOf("|");
    const sent = result.slice(0, separator);
    const received = result.slice(separator + 1, -1);
    expect(received).toEqual(sent);
    expect(result.at(-1)).toBe("ua=chrome");
  });
});
