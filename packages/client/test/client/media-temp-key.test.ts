// PFS temp keys are stored per (DC, connection kind): the media connection of a DC keeps its own bound
// key across runs like the main one does (https://core.telegram.org/api/pfs, https://core.telegram.org/api/files).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAuthKey } from "@mtkit/mtproto-crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientEvent } from "../../src/client/options.js";
import { MemoryStorage } from "../../src/storage/memory/memory-storage.js";
import { SqliteStorage } from "../../src/storage/sqlite/index.js";
import type { ClientStorage } from "../../src/storage/types.js";
import { crypto, makeClient, startHarness, type Harness } from "./harness.js";

let h: Harness;
let dir: string;
beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), "mtkit-media-temp-"));
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const tempKeysCreated = (events: readonly ClientEvent[]): number =>
  events.filter((e) => e.type === "auth_key_created" && e.temporary).length;

const keyId = (key: Uint8Array | undefined): bigint | undefined =>
  key === undefined ? undefined : createAuthKey(crypto, key).idLong;

/** Each backend as two runs: `open()` gives a storage, and `reopen()` the one the previous run left. */
interface Backend {
  readonly open: () => { readonly storage: ClientStorage; readonly reopen: () => Promise<ClientStorage> };
}

let files = 0;
const backends: [string, Backend][] = [
  [
    "MemoryStorage",
    {
      open: () => {
        const storage = new MemoryStorage();
        return { storage, reopen: () => Promise.resolve(storage) };
      },
    },
  ],
  [
    "SqliteStorage",
    {
      open: () => {
        const path = join(dir, `media-${++files}.session`);
        const storage = new SqliteStorage(path);
        const reopen = async (): Promise<ClientStorage> => {
          await storage.close();
          return new SqliteStorage(path);
        };
        return { storage, reopen };
      },
    },
  ],
];

describe.each(backends)("media temp key with %s", (_name, backend) => {
  it("a second run reuses the stored media temp key: no handshake, no new key on the server", async () => {
    const { storage, reopen } = backend.open();
    const first = makeClient(h.server, { storage });
    await first.client.connect();
    await first.client.invoke({ _: "help.getNearestDc" }, { media: true });
    await first.client.disconnect();
    // main and media each made and bound their own temp key
    expect(tempKeysCreated(first.events)).toBe(2);
    const main = await storage.authKeys.getTemp(1, 0, "main");
    const media = await storage.authKeys.getTemp(1, 0, "media");
    expect(main).not.toBeNull();
    expect(media).not.toBeNull();
    expect(keyId(media?.key)).not.toBe(keyId(main?.key));
    expect(h.server.authKeyIds(1)).toContain(keyId(media?.key));

    const keysBefore = h.server.authKeyIds(1).length;
    const reopened = await reopen();
    const second = makeClient(h.server, { storage: reopened });
    await second.client.connect();
    const nearest = await second.client.invoke({ _: "help.getNearestDc" }, { media: true });
    expect(nearest.thisDc).toBe(1);
    await second.client.disconnect();
    expect(tempKeysCreated(second.events)).toBe(0);
    expect(second.events.filter((e) => e.type === "temp_key_bound")).toEqual([]);
    expect(h.server.authKeyIds(1).length).toBe(keysBefore);
    expect(keyId((await reopened.authKeys.getTemp(1, 0, "media"))?.key)).toBe(keyId(media?.key));
    await reopened.close();
  });

  it("-404 on the media temp key replaces only the media slot", async () => {
    const { storage } = backend.open();
    const { client, events } = makeClient(h.server, { storage });
    await client.connect();
    await client.invoke({ _: "help.getNearestDc" }, { media: true });
    const main = await storage.authKeys.getTemp(1, 0, "main");
    const media = await storage.authKeys.getTemp(1, 0, "media");
    expect(media).not.toBeNull();
    h.server.rejectKey(keyId(media!.key));
    const nearest = await client.invoke({ _: "help.getNearestDc" }, { media: true });
    expect(nearest.thisDc).toBe(1);
    expect(tempKeysCreated(events)).toBe(3);
    const mediaAfter = await storage.authKeys.getTemp(1, 0, "media");
    expect(mediaAfter).not.toBeNull();
    expect(keyId(mediaAfter?.key)).not.toBe(keyId(media?.key));
    expect(keyId((await storage.authKeys.getTemp(1, 0, "main"))?.key)).toBe(keyId(main?.key));
    await client.disconnect();
    await storage.close();
  });
});
