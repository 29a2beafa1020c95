// Secret chats through the real test server: a request that outlives a restart of the requester,
// and the notices around messages (typing, read history, screenshots).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messagesOf, openChat, person, type SecretHarness, startSecretHarness } from "./secret-people.js";

let h: SecretHarness;
beforeAll(async () => {
  h = await startSecretHarness();
});
afterAll(async () => {
  await h.close();
});

describe("secret chats: a pending request survives a restart", () => {
  it.each(["tcp", "ws"] as const)(
    "Bob accepts while Alice is away (%s); her restarted client opens the chat",
    async (transport) => {
      const base = transport === "tcp" ? 1 : 2;
      const alice = await person(h, `+1555060${base}1`, transport);
      const bob = await person(h, `+1555060${base}2`, transport);
      // The caller's promise dies with the process; the restarted client reports a `ready` event instead.
      void alice.chats
        .request({ _: "inputUser", userId: bob.userId, accessHash: bob.accessHash })
        .catch(() => undefined);
      await expect.poll(() => bob.events.some((e) => e.type === "request"), { timeout: 10_000 }).toBe(true);
      await expect.poll(async () => (await alice.storage.kv.get("secret:pending-index")) !== null).toBe(true);
      await alice.disconnect();

      const request = bob.events.find((e) => e.type === "request");
      const b = await bob.chats.accept(request?.type === "request" ? request.chatId : -1);
      const back = await person(h, `+1555060${base}1`, transport, alice.storage);
      await expect
        .poll(() => back.events.some((e) => e.type === "ready" && e.chat.id === b.id), { timeout: 10_000 })
        .toBe(true);
      const a = back.chats.get(b.id)!;
      expect(a.fingerprint).toBe(b.fingerprint);
      expect(a.visualization.emoji).toBe(b.visualization.emoji);
      // Alice's catch-up is over once Bob's layer notice (sent at accept) reached her chat.
      await expect.poll(() => a.core.state.layer, { timeout: 10_000 }).toBe(144);
      await b.send("accepted while you were away");
      await a.send("and I am back");
      await expect
        .poll(() => messagesOf(back).map((m) => m.text), { timeout: 10_000 })
        .toEqual(["accepted while you were away"]);
      await expect.poll(() => messagesOf(bob).map((m) => m.text), { timeout: 10_000 }).toEqual(["and I am back"]);
      // Finished requests leave storage.
      expect(JSON.parse(new TextDecoder().decode((await back.storage.kv.get("secret:pending-index"))!))).toEqual([]);
      expect(back.events.filter((e) => e.type === "error")).toEqual([]);
      await back.disconnect();
      await bob.disconnect();
    },
  );
});

describe("secret chats: typing, read history, screenshots", () => {
  it("each reaches the other side as an event", async () => {
    const alice = await person(h, "+15550610001", "ws");
    const bob = await person(h, "+15550610002", "tcp");
    const [a, b] = await openChat(alice, bob);
    await a.setTyping();
    await expect
      .poll(() => bob.events.some((e) => e.type === "typing" && e.chatId === b.id), { timeout: 10_000 })
      .toBe(true);

    const id = await a.send("look at this");
    await expect.poll(() => messagesOf(bob).length, { timeout: 10_000 }).toBe(1);
    await b.readHistory(1_700_000_000);
    await expect
      .poll(() => alice.events.find((e) => e.type === "history_read"), { timeout: 10_000 })
      .toEqual({ type: "history_read", chatId: a.id, maxDate: 1_700_000_000 });

    await b.notifyScreenshot([id]);
    await expect
      .poll(
        () =>
          alice.events.some(
            (e) => e.type === "chat" && e.event.type === "screenshot" && e.event.randomIds.includes(id),
          ),
        { timeout: 10_000 },
      )
      .toBe(true);
    await alice.disconnect();
    await bob.disconnect();
  });
});

describe("secret chats: resends through the server", () => {
  it("a re-encrypted resend with the same random_id reaches the peer", async () => {
    const alice = await person(h, "+15550620001", "tcp");
    const bob = await person(h, "+15550620002", "tcp");
    const [a] = await openChat(alice, bob);
    await a.send("once");
    await expect.poll(() => messagesOf(bob).length, { timeout: 10_000 }).toBe(1);
    const kept = a.core.state.outbox.map((entry) => entry.rawOut);
    a.core.resend(kept[0]!, kept.at(-1)!);
    await alice.chats.flush(a);
    // Bob already has them: each arrives again and is dropped as a replay, nothing else changes.
    const replays = (): number => bob.events.filter((e) => e.type === "error" && e.error.code === "REPLAYED").length;
    await expect.poll(replays, { timeout: 10_000 }).toBe(kept.length);
    expect(messagesOf(bob).map((m) => m.text)).toEqual(["once"]);
    await alice.disconnect();
    await bob.disconnect();
  });
});
