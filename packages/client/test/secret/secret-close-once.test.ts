// Issue 12: a chat's close is told once. The server repeats a chat's discard notice in every
// difference of the second the chat closed in (https://core.telegram.org/api/updates#secret-chats-qts),
// so a catch-up after a restart within that second brought a second `closed` event. The world's clock
// stands still from the close on, which makes every catch-up fall in that second: the repeat is forced.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../client/harness.js";
import { openChat, person } from "./secret-people.js";

let frozenAt: number | undefined;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: () => frozenAt ?? Date.now() });
});
afterAll(async () => {
  await h.close();
});

describe.each(["tcp", "ws"] as const)("secret chats: one closed event per close over %s", (transport) => {
  const base = transport === "tcp" ? 1 : 2;

  it("a discard notice repeated by pushes and by the catch-ups of restarts is told once", async () => {
    frozenAt = undefined;
    const alice = await person(h, `+1555071${base}01`, transport);
    const bob = await person(h, `+1555071${base}02`, transport);
    const [a, b] = await openChat(alice, bob);
    frozenAt = Date.now();
    h.server.faults.updates.duplicate(2);
    await a.close({ deleteHistory: true });
    const closes = (events: typeof bob.events): number =>
      events.filter((e) => e.type === "closed" && e.chatId === b.id).length;
    await expect.poll(() => [closes(alice.events), closes(bob.events)], { timeout: 20_000 }).toEqual([1, 1]);
    await bob.client.updates.flush();
    await alice.client.updates.flush();
    await bob.disconnect();
    await alice.disconnect();

    // Both come back on their storages: each catch-up carries the discard notice again.
    for (let round = 0; round < 2; round++) {
      const backBob = await person(h, `+1555071${base}02`, transport, bob.storage);
      const backAlice = await person(h, `+1555071${base}01`, transport, alice.storage);
      for (const back of [backBob, backAlice]) {
        await back.client.updates.started();
        await back.client.updates.flush();
      }
      expect(backBob.chats.get(b.id)?.closed).toBe(true);
      expect(backAlice.chats.get(a.id)?.closed).toBe(true);
      expect([closes(backAlice.events), closes(backBob.events)]).toEqual([0, 0]);
      await backBob.disconnect();
      await backAlice.disconnect();
    }
    h.server.faults.updates.clear();
    frozenAt = undefined;
  });
});

describe("secret chats: one closed event for a request that never opened", () => {
  it("a declined request is told closed once, however often its notice comes again in this run", async () => {
    const alice = await person(h, "+15550713001", "tcp");
    const bob = await person(h, "+15550713002", "tcp");
    const outcome = alice.chats
      .request({ _: "inputUser", userId: bob.userId, accessHash: bob.accessHash })
      .catch((error: unknown) => error);
    await expect.poll(() => bob.events.some((e) => e.type === "request"), { timeout: 20_000 }).toBe(true);
    const request = bob.events.find((e) => e.type === "request");
    const chatId = request?.type === "request" ? request.chatId : -1;
    await bob.chats.decline(chatId);
    expect(await outcome).toMatchObject({ code: "CHAT_CLOSED" });
    const closes = (): number => alice.events.filter((e) => e.type === "closed" && e.chatId === chatId).length;
    await expect.poll(closes, { timeout: 20_000 }).toBe(1);
    // The same notice again, as a later difference of that second would bring it.
    const notice = { _: "updateEncryption", chat: { _: "encryptedChatDiscarded", id: chatId }, date: 0 } as const;
    await alice.chats.handleUpdate(notice);
    await alice.chats.handleUpdate(notice);
    expect(closes()).toBe(1);
    await alice.disconnect();
    await bob.disconnect();
  });
});
