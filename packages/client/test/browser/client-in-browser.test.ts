// The whole TelegramClient in real Chromium against the test server over WebSocket: phone login
// (with PHONE_MIGRATE), invoke, the session in IndexedDB, then a page reload that resumes the
// session with no new auth key. The page is bundled for platform "browser", so any Node-only
// import would fail the build, and the client runs on the portable crypto provider.
import { fileURLToPath } from "node:url";
import { launchChromium, serveBundle, type ServedBundle } from "@mtkit/test-browser";
import { installWorld, TestServer, type WorldServer } from "@mtkit/test-server";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageServer } from "./client-page.js";

let server: TestServer;
let slice: WorldServer;
let served: ServedBundle;
let browser: Browser;
let page: Page;
let bundleInputs: readonly string[] = [];
let setup: PageServer;

beforeAll(async () => {
  server = await TestServer.start({ dcs: 2, ws: true });
  slice = installWorld(server, { homeDc: 2, users: [{ phone: "+1 555 0142", firstName: "Browser" }] });
  setup = {
    endpoints: server.endpoints.map((e) => ({ id: e.id, host: e.host, port: e.port, wsPort: e.wsPort ?? null })),
    publicKeyPem: server.publicKeyPem,
  };
  served = await serveBundle({ entry: fileURLToPath(new URL("./client-page.ts", import.meta.url)) });
  bundleInputs = served.inputs;
  ({ browser } = await launchChromium());
  page = await browser.newPage();
  await page.goto(served.url);
  await page.waitForFunction(() => document.title === "ready", undefined, { timeout: 20_000 });
}, 90_000);

afterAll(async () => {
  await browser.close();
  await served.close();
  await server.close();
});

describe("TelegramClient in Chromium", () => {
  it("gzip through CompressionStream / DecompressionStream, a gzip bomb stopped at the cap", async () => {
    expect(await page.evaluate(() => window.mtkitClient.gzipStreams())).toEqual({
      roundTrip: true,
      bomb: "GZIP_TOO_LARGE",
    });
  });

  it("the page bundle has no Node-only module, no better-sqlite3, no ws", () => {
    expect(bundleInputs.some((input) => input.endsWith("src/client/telegram-client.ts"))).toBe(true);
    expect(bundleInputs.filter((input) => /^node:|better-sqlite3|node_modules\/ws\/|\/node\//.test(input))).toEqual([]);
  });

  it("logs in with a phone code over WebSocket, invokes, stores the session in IndexedDB, and resumes it after a reload without a new auth key", async () => {
    const homeDc = await page.evaluate((s) => window.mtkitClient.sendCode(s, "+1 555 0142"), setup);
    expect(homeDc).toBe(2); // PHONE_MIGRATE_2 from DC 1
    const code = slice.lastCode("15550142")!;
    const first = await page.evaluate((c) => window.mtkitClient.signIn(c), code);
    expect(first).toMatchObject({ firstName: "Browser", homeDcId: 2, nearestDc: 2 });
    expect(first.crypto).toMatch(/^portable/);
    expect(first.keysCreated).toBeGreaterThan(0);
    expect(first.inflatedWithStreams).toBeGreaterThan(0); // help.getConfig came gzip_packed
    const keysBefore = server.authKeyIds().length;

    await page.reload();
    await page.waitForFunction(() => document.title === "ready", undefined, { timeout: 20_000 });
    const resumed = await page.evaluate((s) => window.mtkitClient.resume(s), setup);
    expect(resumed).toMatchObject({ firstName: "Browser", homeDcId: 2, nearestDc: 2, keysCreated: 0 });
    expect(resumed.crypto).toMatch(/^portable/);
    expect(server.authKeyIds().length).toBe(keysBefore);
  });
});
