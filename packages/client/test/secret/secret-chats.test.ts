// Two clients of two accounts open a secret chat through the real test server (TCP and WebSocket).
import { secretRelayOf } from "@mtkit/test-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientStorage } from "../../src/storage/types.js";
import { type Harness, startHarness } from "../client/harness.js";
import { openChat, person as personOn, type Person } from "./secret-people.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** A logged-in client with its secret chats (secret-people.ts), on this file's harness. */
const person = (phone: string, transport: "tcp" | "ws", saved?: ClientStorage): Promise<Person> =>
  personOn(h, phone, transport, saved);

function received(p: Person): string[] {
  return p.events.flatMap((e) => (e.type === "chat" && e.event.type === "message" ? [e.event.text] : []));
}

const open = openChat;

describe.each(["tcp", "ws"] as const)("secret chats end to end over %s", (transport) => {
  const base = transport === "tcp" ? 1 : 2;

  it("request, accept, same fingerprint, layer 144, messages both ways; the server holds no plaintext", async () => {
    const alice = await person(`+1555030${base}1`, transport);
    const bob = await person(`+1555030${base}2`, transport);
    const [a, b] = await open(alice, bob);
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.visualization.emoji).toBe(b.visualization.emoji);
    await expect.poll(() => [a.core.state.layer, b.core.state.layer], { timeout: 20_000 }).toEqual([144, 144]);
    await a.send("secret hello from alice");
    await b.send("secret reply from bob");
    await expect.poll(() => received(bob), { timeout: 20_000 }).toEqual(["secret hello from alice"]);
    await expect.poll(() => received(alice), { timeout: 20_000 }).toEqual(["secret reply from bob"]);

    // Scan everything the relay keeps: no plaintext, no key.
    const relay = secretRelayOf(h.slice.world);
    const blobs: Uint8Array[] = [];
    for (const chat of relay.chats.values()) blobs.push(chat.gA, ...(chat.gB === undefined ? [] : [chat.gB]));
    for (const queue of relay.queues.values()) for (const entry of queue) blobs.push(entry.message.bytes);
    const haystack = Buffer.concat(blobs);
    expect(haystack.length).toBeGreaterThan(0);
    for (const needle of ["secret hello", "secret reply"]) expect(haystack.includes(Buffer.from(needle))).toBe(false);
    expect(haystack.includes(Buffer.from(a.core.state.key.key.subarray(0, 32)))).toBe(false);
    await alice.disconnect();
    await bob.disconnect();
  });

  it("an offline recipient gets the messages from getDifference, and a restarted client continues the chat", async () => {
    const alice = await person(`+1555031${base}1`, transport);
    const bob = await person(`+1555031${base}2`, transport);
    const [a] = await open(alice, bob);
    await expect.poll(() => a.core.state.layer, { timeout: 20_000 }).toBe(144);
    await expect
      .poll(() => received(bob).length + bob.events.filter((e) => e.type === "chat").length, { timeout: 20_000 })
      .toBeGreaterThan(0);
    await bob.disconnect();
    await a.send("while you were away 1");
    await a.send("while you were away 2");

    // Bob comes back on a fresh connection with his saved chats and catches up by qts.
    const back = await person(`+1555031${base}2`, transport, bob.storage);
    // The updates engine's catch-up (getDifference by qts) brings them.
    await expect
      .poll(() => received(back), { timeout: 20_000 })
      .toEqual(["while you were away 1", "while you were away 2"]);
    expect(back.events.filter((e) => e.type === "error")).toEqual([]);
    const chat = back.chats.get(a.id);
    await chat?.send("back online");
    await expect.poll(() => received(alice), { timeout: 20_000 }).toEqual(["back online"]);
    await alice.disconnect();
    await back.disconnect();
  });
});

describe("secret chats end to end: lifecycle", () => {
  it("a declined request rejects; a discarded chat closes on both sides", async () => {
    const alice = await person("+15550320001", "tcp");
    const bob = await person("+15550320002", "tcp");
    const outcome = alice.chats
      .request({ _: "inputUser", userId: bob.userId, accessHash: bob.accessHash })
      .catch((error: unknown) => error);
    await expect.poll(() => bob.events.some((e) => e.type === "request"), { timeout: 20_000 }).toBe(true);
    const request = bob.events.find((e) => e.type === "request");
    await bob.chats.decline(request?.type === "request" ? request.chatId : -1);
    expect(await outcome).toMatchObject({ code: "CHAT_CLOSED" });

    const [a, b] = await open(alice, bob);
    await a.close({ deleteHistory: true });
    await expect
      .poll(() => bob.events.some((e) => e.type === "closed" && e.chatId === b.id), { timeout: 20_000 })
      .toBe(true);
    expect(b.closed).toBe(true);
    await expect(b.send("too late")).rejects.toMatchObject({ code: "CHAT_CLOSED" });
    await alice.disconnect();
    await bob.disconnect();
  });
});

describe.each(["tcp", "ws"] as const)("secret chats end to end over %s: self-destruct, re-key", (transport) => {
  const base = transport === "tcp" ? 1 : 2;

  it("a message with ttl self-destructs on both sides after Bob reads it", async () => {
    const alice = await person(`+1555033${base}001`, transport);
    const bob = await person(`+1555033${base}002`, transport);
    const [a, b] = await open(alice, bob);
    const id = await a.send("this will vanish", { ttl: 1 });
    await expect.poll(() => received(bob), { timeout: 20_000 }).toEqual(["this will vanish"]);
    await b.markRead([id]);
    const deleted = (p: Person) =>
      p.events.some((e) => e.type === "chat" && e.event.type === "deleted" && e.event.randomIds.includes(id));
    await expect
      .poll(async () => (await bob.chats.tick(), deleted(bob)), { timeout: 20_000, interval: 200 })
      .toBe(true);
    await expect
      .poll(async () => (await alice.chats.tick(), deleted(alice)), { timeout: 20_000, interval: 200 })
      .toBe(true);
    await alice.disconnect();
    await bob.disconnect();
  });

  it("re-keys after 100 messages through the server and keeps talking", async () => {
    const alice = await person(`+1555034${base}001`, transport);
    const bob = await person(`+1555034${base}002`, transport);
    const [a, b] = await open(alice, bob);
    const first = a.fingerprint;
    for (let i = 0; i < 101; i++) await a.send(`n${i}`);
    await expect
      .poll(() => [a.fingerprint === b.fingerprint, a.fingerprint !== first], { timeout: 20_000 })
      .toEqual([true, true]);
    await b.send("after the re-key");
    await expect.poll(() => received(alice).at(-1), { timeout: 20_000 }).toBe("after the re-key");
    // The re-key can complete before the last messages arrive: they follow the commit, under the new key.
    await expect.poll(() => received(bob).length, { timeout: 20_000 }).toBe(101);
    expect(alice.events.filter((e) => e.type === "error")).toEqual([]);
    await alice.disconnect();
    await bob.disconnect();
  }, 60_000);
});
