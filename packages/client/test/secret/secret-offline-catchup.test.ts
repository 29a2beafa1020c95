// Issue 12: secret updates that arrive in the catch-up of connect() must reach the secret layer even
// when the app calls secretChats() only later. The engine saves qts once its sinks ran, so before the
// fix such updates were counted as handled with no secret sink and lost for good. Each test waits
// for that catch-up to be delivered and saved (updates.started + flush) before opening the chats:
// the losing order, forced by events rather than timing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteStorage } from "../../src/storage/sqlite/index.js";
import type { SecretChatsEvent } from "../../src/secret/index.js";
import type { ClientStorage } from "../../src/storage/types.js";
import { type Harness, makeClient, startHarness } from "../client/harness.js";
import { openChat, person } from "./secret-people.js";

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), "mtkit-secret-catchup-"));
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Bob's storage across restarts: the same object (memory) or the same file reopened (SQLite). */
function storageOf(kind: "memory" | "sqlite"): {
  first?: ClientStorage;
  reopen: (old: ClientStorage) => Promise<ClientStorage>;
} {
  if (kind === "memory") return { reopen: (old) => Promise.resolve(old) };
  const path = join(dir, "bob.sqlite");
  return {
    first: new SqliteStorage(path),
    reopen: async (old) => {
      await old.close();
      return new SqliteStorage(path);
    },
  };
}

const texts = (events: readonly SecretChatsEvent[]): string[] =>
  events.flatMap((e) => (e.type === "chat" && e.event.type === "message" ? [e.event.text] : []));

/** A client on `storage` whose connect-time catch-up is delivered and saved before secretChats() is called. */
async function comeBack(storage: ClientStorage, secretChats?: boolean) {
  const { client } = makeClient(h.server, { storage, ...(secretChats === undefined ? {} : { secretChats }) });
  await client.connect();
  await client.updates.started();
  await client.updates.flush();
  const chats = await client.secretChats();
  const events: SecretChatsEvent[] = [];
  chats.subscribe((event) => events.push(event));
  return { client, chats, events };
}

describe.each(["memory", "sqlite"] as const)("secret updates of the catch-up at connect, %s storage", (kind) => {
  const base = kind === "memory" ? 1 : 2;

  it("reach chats opened after connect: every message once, in order, and none again after a restart", async () => {
    const storage = storageOf(kind);
    const alice = await person(h, `+155506810${base}1`, "tcp");
    const bob = await person(h, `+155506810${base}2`, "tcp", storage.first);
    const [a] = await openChat(alice, bob);
    await expect.poll(() => a.core.state.layer, { timeout: 20_000 }).toBe(144);
    await bob.disconnect();
    const sent = ["one", "two", "three", "four", "five"];
    for (const text of sent) await a.send(text);

    const back = await comeBack(await storage.reopen(bob.storage));
    await expect.poll(() => texts(back.events), { timeout: 20_000 }).toEqual(sent);
    expect(back.events.filter((e) => e.type === "error")).toEqual([]);
    await back.client.disconnect();

    const again = await comeBack(await storage.reopen(back.client.storage));
    await a.send("live");
    await expect.poll(() => texts(again.events), { timeout: 20_000 }).toEqual(["live"]);
    expect(again.chats.get(a.id)?.fingerprint).toBe(a.fingerprint);
    await again.client.disconnect();
    await again.client.storage.close();
    await alice.disconnect();
  });
});

describe("secret updates of the catch-up at connect, a first request", () => {
  it("with the secretChats option, a request made while the peer was away reaches it", async () => {
    const alice = await person(h, "+15550681101", "tcp");
    const bob = await person(h, "+15550681102", "tcp");
    await bob.disconnect();
    const requested = alice.chats.request({ _: "inputUser", userId: bob.userId, accessHash: bob.accessHash });

    const back = await comeBack(bob.storage, true);
    await expect.poll(() => back.events.map((e) => e.type), { timeout: 20_000 }).toEqual(["request"]);
    const request = back.events[0];
    const accepted = await back.chats.accept(request?.type === "request" ? request.chatId : -1);
    const opened = await requested;
    expect(opened.fingerprint).toBe(accepted.fingerprint);
    await back.client.disconnect();
    await alice.disconnect();
  });

  it("without the option, on a storage that used secret chats before (and holds none), the request arrives", async () => {
    const alice = await person(h, "+15550681301", "tcp");
    const bob = await person(h, "+15550681302", "tcp"); // has called secretChats(): the storage is marked
    await bob.disconnect();
    const requested = alice.chats.request({ _: "inputUser", userId: bob.userId, accessHash: bob.accessHash });

    const back = await comeBack(bob.storage);
    await expect.poll(() => back.events.map((e) => e.type), { timeout: 20_000 }).toEqual(["request"]);
    const request = back.events[0];
    const accepted = await back.chats.accept(request?.type === "request" ? request.chatId : -1);
    expect((await requested).fingerprint).toBe(accepted.fingerprint);
    await back.client.disconnect();
    await alice.disconnect();
  });
});
