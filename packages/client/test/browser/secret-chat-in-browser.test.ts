// Issue 12, "a restarted client continues its chats" in a browser: a TelegramClient in real Chromium
// (IndexedDB storage, WebSocket, portable crypto) opens a secret chat with a Node client through the
// test server, the page is reloaded mid-chat, and the reloaded client continues with the same key.
import { fileURLToPath } from "node:url";
import { launchChromium, serveBundle, type ServedBundle } from "@mtkit/test-browser";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Harness, startHarness } from "../client/harness.js";
import { messagesOf, type Person, person } from "../secret/secret-people.js";
import type { PageServer } from "./client-page.js";

let h: Harness;
let served: ServedBundle;
let browser: Browser;
let page: Page;
let setup: PageServer;

async function loadPage(): Promise<void> {
  await page.waitForFunction(() => document.title === "ready", undefined, { timeout: 25_000 });
}

beforeAll(async () => {
  h = await startHarness();
  setup = {
    endpoints: h.server.endpoints.map((e) => ({ id: e.id, host: e.host, port: e.port, wsPort: e.wsPort ?? null })),
    publicKeyPem: h.server.publicKeyPem,
  };
  served = await serveBundle({ entry: fileURLToPath(new URL("./secret-chat-page.ts", import.meta.url)) });
  ({ browser } = await launchChromium());
  page = await browser.newPage();
  await page.goto(served.url);
  await loadPage();
}, 90_000);

afterAll(async () => {
  await browser.close();
  await served.close();
  await h.close();
});

const received = (): Promise<string[]> => page.evaluate(() => window.mtkitSecret.received());

it("a browser client in a secret chat with a Node client is reloaded mid-chat and continues with the same key", async () => {
  const phone = "+15550720001";
  h.slice.addUser({ phone, firstName: "Browser" });
  const bob: Person = await person(h, "+15550720002", "ws");
  await page.evaluate(({ s, p }) => window.mtkitSecret.sendCode(s, p), { s: setup, p: phone });
  const code = h.slice.lastCode(phone)!;
  await page.evaluate((c) => window.mtkitSecret.signIn(c), code);

  const requested = page.evaluate(({ id, hash }) => window.mtkitSecret.request(id, hash), {
    id: bob.userId.toString(),
    hash: bob.accessHash.toString(),
  });
  await expect.poll(() => bob.events.some((e) => e.type === "request"), { timeout: 20_000 }).toBe(true);
  const request = bob.events.find((e) => e.type === "request");
  const b = await bob.chats.accept(request?.type === "request" ? request.chatId : -1);
  const opened = await requested;
  expect(opened).toEqual({ id: b.id, fingerprint: b.fingerprint.toString() });
  await b.send("before the reload");
  await expect.poll(received, { timeout: 20_000 }).toEqual(["before the reload"]);
  await page.evaluate((id) => window.mtkitSecret.send(id, "from the page"), b.id);
  await expect.poll(() => messagesOf(bob).map((m) => m.text), { timeout: 20_000 }).toEqual(["from the page"]);

  // Reloaded: the page's client starts over from IndexedDB; what Bob sends meanwhile waits at the server.
  await page.reload();
  await loadPage();
  await b.send("while the page reloaded");
  const chats = await page.evaluate((s) => window.mtkitSecret.resume(s), setup);
  expect(chats).toEqual([{ id: b.id, fingerprint: b.fingerprint.toString() }]);
  await expect.poll(received, { timeout: 20_000 }).toEqual(["while the page reloaded"]);
  await page.evaluate((id) => window.mtkitSecret.send(id, "after the reload"), b.id);
  await expect
    .poll(() => messagesOf(bob).map((m) => m.text), { timeout: 20_000 })
    .toEqual(["from the page", "after the reload"]);
  expect(await page.evaluate(() => window.mtkitSecret.errors())).toEqual([]);
  expect(bob.events.filter((e) => e.type === "error")).toEqual([]);
  await bob.disconnect();
}, 90_000);
