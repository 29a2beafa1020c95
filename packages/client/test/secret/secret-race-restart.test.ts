// Two steps of issue 12 through the real test server rather than between two bare cores: both sides
// re-keying at the same moment (https://core.telegram.org/api/end-to-end/pfs: the larger exchange_id
// wins), and the originator of a chat restarting mid-chat.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../client/harness.js";
import { messagesOf, openChat, person, type Person } from "./secret-people.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const texts = (p: Person): string[] => messagesOf(p).map((m) => m.text);
const errors = (p: Person): unknown[] => p.events.filter((e) => e.type === "error");
const rekeys = (p: Person): number => p.events.filter((e) => e.type === "chat" && e.event.type === "rekeyed").length;

describe.each(["tcp", "ws"] as const)("secret chats over %s", (transport) => {
  const base = transport === "tcp" ? 1 : 2;

  it("both sides start a re-key at once: one new key on both, and the chat goes on", async () => {
    const alice = await person(h, `+1555066${base}01`, transport);
    const bob = await person(h, `+1555066${base}02`, transport);
    const [a, b] = await openChat(alice, bob);
    await expect.poll(() => [a.core.state.layer, b.core.state.layer], { timeout: 20_000 }).toEqual([144, 144]);
    const first = a.fingerprint;
    await Promise.all([a.rekey(), b.rekey()]);
    await expect
      .poll(() => [a.fingerprint === b.fingerprint, a.fingerprint !== first], { timeout: 30_000 })
      .toEqual([true, true]);
    await a.send("after the race");
    await b.send("me too");
    await expect.poll(() => texts(bob), { timeout: 20_000 }).toEqual(["after the race"]);
    await expect.poll(() => texts(alice), { timeout: 20_000 }).toEqual(["me too"]);
    expect([errors(alice), errors(bob)]).toEqual([[], []]);
    expect([rekeys(alice), rekeys(bob)]).toEqual([1, 1]); // one exchange won, the other was dropped
    await alice.disconnect();
    await bob.disconnect();
  });

  it("the originator restarts mid-chat, catches up and keeps talking", async () => {
    const alice = await person(h, `+1555067${base}01`, transport);
    const bob = await person(h, `+1555067${base}02`, transport);
    const [a, b] = await openChat(alice, bob);
    await a.send("before the restart");
    await expect.poll(() => texts(bob), { timeout: 20_000 }).toEqual(["before the restart"]);
    await alice.disconnect();

    await b.send("while Alice was away");
    const back = await person(h, `+1555067${base}01`, transport, alice.storage);
    await expect.poll(() => texts(back), { timeout: 20_000 }).toEqual(["while Alice was away"]);
    const again = back.chats.get(a.id);
    expect(again?.fingerprint).toBe(a.fingerprint);
    await again?.send("back again");
    await expect.poll(() => texts(bob), { timeout: 20_000 }).toEqual(["before the restart", "back again"]);
    expect([errors(back), errors(bob)]).toEqual([[], []]);
    await back.disconnect();
    await bob.disconnect();
  });
});
