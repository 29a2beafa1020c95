// IdbStorage in real Chromium (playwright-core; CHROMIUM_PATH, a system Chromium or the npm-shipped one).
import { launchChromium } from "@mtkit/test-browser";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storageConformanceCases } from "../../src/storage/conformance/index.js";
import type * as conformance from "../../src/storage/conformance/index.js";
import type * as idb from "../../src/storage/idb/index.js";
import type * as main from "../../src/index.js";
import { serveSource } from "./serve-source.js";

/** What the test page puts on `window` (see serve-source.ts). */
type PageModules = typeof idb & typeof conformance & { main: typeof main };
declare global {
  var mtkit: PageModules;
}

let browser: Browser;
// One context = one browser profile: its tabs share IndexedDB and Web Locks, like a user's tabs.
let context: BrowserContext;
let server: Awaited<ReturnType<typeof serveSource>>;

async function openPage(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.title === "ready", undefined, { timeout: 25_000 });
  return page;
}

beforeAll(async () => {
  server = await serveSource();
  ({ browser } = await launchChromium());
  context = await browser.newContext();
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

describe("IdbStorage in Chromium", () => {
  it("passes the storage conformance suite", async () => {
    const page = await openPage();
    const results = await page.evaluate(async () => {
      const { IdbStorage } = globalThis.mtkit;
      const { runStorageConformance } = globalThis.mtkit;
      let n = 0;
      return runStorageConformance(() => IdbStorage.open(`conformance-${++n}`));
    });
    expect(results.map((r) => r.name)).toEqual(storageConformanceCases.map((c) => c.name));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    await page.close();
  });

  it("keeps auth keys across close and reopen", async () => {
    const page = await openPage();
    const stored = await page.evaluate(async () => {
      const { IdbStorage } = globalThis.mtkit;
      const first = await IdbStorage.open("reopen");
      await first.authKeys.setPermanent(2, new Uint8Array(256).fill(7));
      await first.close();
      const second = await IdbStorage.open("reopen");
      const key = await second.authKeys.getPermanent(2);
      await second.close();
      return key === null ? null : Array.from(key);
    });
    expect(stored).toEqual(new Array<number>(256).fill(7));
    await page.close();
  });

  it("gives a second tab SessionLockedError while the first holds the session, and frees it on close", async () => {
    const holder = await openPage();
    const other = await openPage();
    await holder.evaluate(async () => {
      const { IdbStorage } = globalThis.mtkit;
      (globalThis as { held?: unknown }).held = await IdbStorage.open("shared");
    });
    const tryOpen = (): Promise<string> =>
      other.evaluate(async () => {
        const { IdbStorage } = globalThis.mtkit;
        try {
          await (await IdbStorage.open("shared")).close();
          return "opened";
        } catch (error) {
          return (error as { code?: string }).code ?? String(error);
        }
      });
    expect(await tryOpen()).toBe("SESSION_LOCKED");
    await holder.evaluate(async () => {
      await (globalThis as unknown as { held: { close(): Promise<void> } }).held.close();
    });
    expect(await tryOpen()).toBe("opened");
    await holder.close();
    await other.close();
  });

  it("loads the main entry (no Node-only imports) and runs errors, string sessions and the peer cache", async () => {
    const page = await openPage();
    const result = await page.evaluate(async () => {
      const { RpcError, MemoryStorage, PeerCache, exportStringSession, importStringSession } = globalThis.mtkit.main;
      const error = new RpcError(420, "FLOOD_WAIT_5");
      const storage = new MemoryStorage();
      const cache = new PeerCache(storage.peers, { now: () => 1 });
      await cache.ingest({ users: [{ _: "user", id: 5n, accessHash: 6n, username: "Someone" }] });
      const input = await cache.resolvePeer("@someone");
      const session = importStringSession(
        exportStringSession({ dc: { id: 2, ip: "1.2.3.4", port: 443 }, authKey: new Uint8Array(256).fill(9) }),
      );
      return {
        name: error.name,
        kind: error.kind,
        input: JSON.stringify(input, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
        port: session.dc.port,
      };
    });
    expect(result).toEqual({
      name: "FLOOD_WAIT",
      kind: "flood",
      input: '{"_":"inputPeerUser","userId":"5","accessHash":"6"}',
      port: 443,
    });
    await page.close();
  });

  it("opens a schema 1 database (one temp key per DC): its temp key moves to the main slot", async () => {
    const page = await openPage();
    const result = await page.evaluate(async () => {
      // The previous release's layout: every store keyed by the DC id, temp keys included.
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open("mtkit:schema-1", 1);
        request.onupgradeneeded = () => {
          for (const name of [
            "auth_keys",
            "temp_auth_keys",
            "salts",
            "session_info",
            "update_state",
            "channel_pts",
            "kv",
          ]) {
            request.result.createObjectStore(name);
          }
          const peers = request.result.createObjectStore("peers");
          peers.createIndex("by_username", "usernames", { multiEntry: true });
          peers.createIndex("by_phone", "phone");
          request.transaction!.objectStore("auth_keys").put(new Uint8Array(256).fill(1), 2);
          request
            .transaction!.objectStore("temp_auth_keys")
            .put({ key: new Uint8Array(256).fill(2), expiresAt: 5000 }, 2);
          request
            .transaction!.objectStore("temp_auth_keys")
            .put({ key: new Uint8Array(256).fill(3), expiresAt: 7000 }, 4);
        };
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => {
          reject(new Error("could not create the schema 1 database"));
        };
      });
      const { IdbStorage, IDB_SCHEMA_VERSION } = globalThis.mtkit;
      const first = (key: Uint8Array | undefined): number | undefined => key?.[0];
      const upgraded = await IdbStorage.open("schema-1");
      const main2 = await upgraded.authKeys.getTemp(2, 0);
      const main4 = await upgraded.authKeys.getTemp(4, 0, "main");
      const mediaBefore = await upgraded.authKeys.getTemp(2, 0, "media");
      await upgraded.authKeys.setTemp(2, { key: new Uint8Array(256).fill(9), expiresAt: 9000 }, "media");
      await upgraded.close();
      const reopened = await IdbStorage.open("schema-1");
      const after = [await reopened.authKeys.getTemp(2, 0, "main"), await reopened.authKeys.getTemp(2, 0, "media")];
      const permanent = await reopened.authKeys.getPermanent(2);
      await reopened.close();
      return {
        version: IDB_SCHEMA_VERSION,
        main: [first(main2?.key), main2?.expiresAt, first(main4?.key), main4?.expiresAt],
        mediaBefore,
        after: after.map((t) => [first(t?.key), t?.expiresAt]),
        permanent: first(permanent ?? undefined),
      };
    });
    expect(result).toEqual({
      version: 2,
      main: [2, 5000, 3, 7000],
      mediaBefore: null,
      after: [
        [2, 5000],
        [9, 9000],
      ],
      permanent: 1,
    });
    await page.close();
  });

  it("refuses a database written by a newer schema, and releases the lock", async () => {
    const page = await openPage();
    const result = await page.evaluate(async () => {
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open("mtkit:future", 99);
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => {
          reject(new Error("could not create the future database"));
        };
      });
      const { IdbStorage } = globalThis.mtkit;
      const code = await IdbStorage.open("future").then(
        () => "opened",
        (error: unknown) => (error as { code?: string }).code ?? String(error),
      );
      const locks = await navigator.locks.query();
      return { code, held: (locks.held ?? []).map((lock) => lock.name) };
    });
    expect(result).toEqual({ code: "SCHEMA_TOO_NEW", held: [] });
    await page.close();
  });
});
