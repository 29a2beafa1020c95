// The history actions of issue 12 between two real clients through the test server
// (https://core.telegram.org/api/end-to-end): SetMessageTTL, DeleteMessages and FlushHistory.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SecretChatEvent } from "../../src/secret/index.js";
import { type Harness, startHarness } from "../client/harness.js";
import { messagesOf, openChat, person, type Person } from "./secret-people.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const chatEvents = (p: Person): SecretChatEvent[] => p.events.flatMap((e) => (e.type === "chat" ? [e.event] : []));
const ofType = <T extends SecretChatEvent["type"]>(p: Person, type: T) =>
  chatEvents(p).filter((e): e is Extract<SecretChatEvent, { type: T }> => e.type === type);

describe.each(["tcp", "ws"] as const)("secret chats: history actions through the server over %s", (transport) => {
  const base = transport === "tcp" ? 1 : 2;

  it("a default ttl reaches both sides, deleted messages and a flushed history are told to the peer", async () => {
    const alice = await person(h, `+155507010${base}1`, transport);
    const bob = await person(h, `+155507010${base}2`, transport);
    const [a, b] = await openChat(alice, bob);

    await a.setDefaultTtl(7);
    await expect.poll(() => ofType(bob, "ttl_changed").map((e) => e.ttl), { timeout: 20_000 }).toEqual([7]);
    await b.send("with the chat's ttl");
    await expect.poll(() => messagesOf(alice).map((m) => m.ttl), { timeout: 20_000 }).toEqual([7]);
    await expect(a.setDefaultTtl(-1)).rejects.toThrow(RangeError);

    const id = await a.send("delete me");
    await expect.poll(() => messagesOf(bob).map((m) => m.text), { timeout: 20_000 }).toEqual(["delete me"]);
    await a.deleteMessages([id]);
    await expect
      .poll(() => ofType(bob, "deleted").map((e) => [e.randomIds, e.reason]), { timeout: 20_000 })
      .toEqual([[[id], "peer"]]);

    await a.flushHistory();
    await expect.poll(() => ofType(bob, "history_flushed").length, { timeout: 20_000 }).toBe(1);
    expect([alice, bob].flatMap((p) => p.events.filter((e) => e.type === "error"))).toEqual([]);
    await alice.disconnect();
    await bob.disconnect();
  });
});
