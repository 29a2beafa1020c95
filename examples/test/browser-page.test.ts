// The browser page example in real Chromium: src/browser-page/page.ts bundled for the browser (a
// Node-only import would fail the build), served with index.html, run against the test server over
// WebSocket; then the page is reloaded and resumes its IndexedDB session without logging in again.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { launchChromium } from "@mtkit/test-browser";
import { installWorld, TestServer, type WorldServer } from "@mtkit/test-server";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { PageConfig, PageOutcome } from "../src/browser-page/page.js";

const folder = new URL("../src/browser-page/", import.meta.url);
let server: TestServer;
let world: WorldServer;
let http: Server;
let browser: Browser;
let page: Page;
let url: string;

beforeAll(async () => {
  server = await TestServer.start({ ws: true });
  world = installWorld(server, {
    users: [{ phone: "+1 555 0177", firstName: "Reader", username: "reader" }],
    bots: [{ token: "4242:page-bot", username: "page_bot", firstName: "PageBot" }],
  });
  const config: PageConfig = {
    botToken: "4242:page-bot",
    greet: "@reader",
    publicKeyPem: server.publicKeyPem,
    endpoints: server.endpoints.map((e) => ({ id: e.id, host: e.host, port: e.port, wsPort: e.wsPort ?? 0 })),
  };
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL("page.ts", folder))],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const files: Record<string, [string, string]> = {
    "/page.js": ["text/javascript", bundle.outputFiles[0]!.text],
    "/server.json": ["application/json", JSON.stringify(config)],
    "/": ["text/html", readFileSync(new URL("index.html", folder), "utf8")],
  };
  http = createServer((request, response) => {
    const [type, body] = files[request.url ?? "/"] ?? ["text/plain", ""];
    response.writeHead(body === "" ? 404 : 200, { "content-type": type }).end(body);
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;
  ({ browser } = await launchChromium());
  page = await browser.newPage();
}, 90_000);

afterAll(async () => {
  await browser.close();
  await new Promise((resolve) => http.close(resolve));
  await server.close();
  world.close();
});

async function outcome(): Promise<PageOutcome> {
  await page.waitForFunction(() => document.title === "done" || document.title === "failed", undefined, {
    timeout: 30_000,
  });
  const text = (await page.textContent("#log")) ?? "";
  expect(await page.title(), text).toBe("done");
  return JSON.parse(text) as PageOutcome;
}

it("browser page: a bot logs in over WebSocket, greets a user, and resumes from IndexedDB after a reload", async () => {
  await page.goto(url);
  const first = await outcome();
  expect(first).toMatchObject({ botName: "PageBot", sentText: "hello from PageBot in a browser", resumed: false });
  expect(first.crypto).toMatch(/^portable/);
  const keys = server.authKeyIds().length;

  await page.reload();
  const second = await outcome();
  expect(second).toMatchObject({ botName: "PageBot", resumed: true });
  expect(second.messageId).toBeGreaterThan(first.messageId);
  expect(server.authKeyIds().length).toBe(keys);
}, 60_000);
