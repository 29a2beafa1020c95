// The updates engine against the test server's world (accounts, private chats, channels, real pts
// boxes and differences), with its fault knobs on pushes, over TCP and WebSocket: two real
// clients, Alice writes, Bob receives exactly what was written, once, in order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TelegramClient } from "../../src/node/index.js";
import type { ClientStorage } from "../../src/storage/types.js";
import type { DeliveredUpdates } from "../../src/updates/update-sink.js";
import { makeClient, startHarness, type Harness } from "./harness.js";
import { textOf, until } from "./scripted-updates.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ limits: { sliceSize: 10 } });
});
afterAll(async () => {
  await h.close();
});

interface Person {
  readonly client: TelegramClient;
  readonly userId: bigint;
  readonly storage: ClientStorage;
  readonly texts: string[];
  readonly batches: DeliveredUpdates[];
  readonly events: ReturnType<typeof makeClient>["events"];
}

let nextNumber = 1;
/** A test number 99966XYYYY signs in with the code X five times (https://core.telegram.org/api/auth). */
async function person(
  transport: "tcp" | "ws",
  storage?: ClientStorage,
  phone = `999662${String(nextNumber++).padStart(4, "0")}`,
): Promise<Person & { readonly phone: string }> {
  const batches: DeliveredUpdates[] = [];
  const texts: string[] = [];
  const made = makeClient(h.server, {
    ws: transport === "ws",
    ...(storage === undefined ? {} : { storage }),
    updates: {
      gapWaitMs: 50,
      sink: (batch) => {
        batches.push(batch);
        for (const update of batch.updates)
          if (update._ === "updateNewMessage" || update._ === "updateNewChannelMessage") texts.push(textOf(update));
      },
    },
  });
  const me = await made.client.start({ phone, code: () => "22222", firstName: "Test" });
  await made.client.updates.catchUp();
  return { ...made, batches, texts, phone, userId: me.id };
}

async function send(from: TelegramClient, to: Person | string, texts: readonly string[]): Promise<void> {
  const peer = await from.resolvePeer(typeof to === "string" ? to : to.userId);
  for (const message of texts)
    await from.invoke({
      _: "messages.sendMessage",
      peer,
      message,
      randomId: BigInt(Math.floor(Math.random() * 2 ** 52)),
    });
}

/** Alice imports Bob as a contact: his access hash lands in her peer cache. */
async function knows(alice: Person, bob: Person & { readonly phone: string }): Promise<void> {
  await alice.client.invoke({
    _: "contacts.importContacts",
    contacts: [{ _: "inputPhoneContact", clientId: 1n, phone: bob.phone, firstName: "Bob", lastName: "" }],
  });
}

const numbered = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix} ${i}`);

describe.each(["tcp", "ws"] as const)("updates engine in the world over %s", (transport) => {
  it("online: every message once, in order; the sender's own box follows its sends without a gap", async () => {
    const alice = await person(transport);
    const bob = await person(transport);
    await knows(alice, bob);
    const expected = numbered("hello", 5);
    await send(alice.client, bob, expected);
    await until(() => bob.texts.length >= 5, "Bob's five messages");
    await bob.client.updates.flush();
    expect(bob.texts).toEqual(expected);
    expect(alice.events.filter((e) => e.type === "updates_fetch" && e.reason === "gap")).toEqual([]);
    expect(alice.client.updates.state?.pts).toBe((await alice.client.invoke({ _: "updates.getState" })).pts);
    await alice.client.disconnect();
    await bob.client.disconnect();
  });

  it("offline: Bob comes back and catches up exactly what he missed, slice by slice", async () => {
    const alice = await person(transport);
    const bob = await person(transport);
    await knows(alice, bob);
    await bob.client.disconnect();
    const expected = numbered("missed", 25);
    await send(alice.client, bob, expected);
    const back = await person(transport, bob.storage, bob.phone);
    await until(() => back.texts.length >= 25, "the 25 missed messages");
    await back.client.updates.flush();
    expect(back.texts).toEqual(expected);
    // 25 messages in slices of 10: three answers, each delivered and saved before the next.
    const caughtUp = back.events.flatMap((e) =>
      e.type === "updates_caught_up" && e.box === "pts" && e.updates > 0 ? [e] : [],
    );
    expect(caughtUp).toEqual([expect.objectContaining({ updates: 25, slices: 3 })]);
    await alice.client.disconnect();
    await back.client.disconnect();
  });

  it("pushes dropped, duplicated and reordered by the server: exactly once, in order", async () => {
    const alice = await person(transport);
    const bob = await person(transport);
    await knows(alice, bob);
    const knobs = h.server.faults.updates;
    knobs.drop(2);
    knobs.duplicate(2);
    knobs.reorder(2);
    const expected = numbered("chaos", 12);
    await send(alice.client, bob, expected);
    await until(() => bob.texts.length >= 12, "the twelve messages");
    await bob.client.updates.flush();
    expect(bob.texts).toEqual(expected);
    knobs.clear();
    await alice.client.disconnect();
    await bob.client.disconnect();
  });

  it("a channel: posts while Bob is online, some pushes dropped, filled by getChannelDifference", async () => {
    const alice = await person(transport);
    const bob = await person(transport);
    const aliceId = (await alice.client.getMe()).id;
    const bobId = (await bob.client.getMe()).id;
    const username = `upd_${transport}_chan`;
    h.slice.addChannel({ title: "Updates", username, creatorId: aliceId, memberIds: [bobId] });
    await send(alice.client, `@${username}`, ["first"]);
    await until(() => bob.texts.includes("first"), "the first post");
    h.server.faults.updates.drop(3);
    const expected = numbered("post", 8);
    await send(alice.client, `@${username}`, expected);
    await until(() => bob.texts.length >= 9, "all the posts");
    await bob.client.updates.flush();
    expect(bob.texts).toEqual(["first", ...expected]);
    expect(bob.events.some((e) => e.type === "updates_fetch" && typeof e.box === "bigint")).toBe(true);
    h.server.faults.updates.clear();
    await alice.client.disconnect();
    await bob.client.disconnect();
  });

  it("forced differenceTooLong: updates_too_long tells the app to refetch, the state moves on", async () => {
    const alice = await person(transport);
    const bob = await person(transport);
    await knows(alice, bob);
    await bob.client.disconnect();
    await send(alice.client, bob, numbered("lost", 3));
    h.server.faults.updates.forceDifferenceTooLong();
    const back = await person(transport, bob.storage, bob.phone);
    expect(back.events.filter((e) => e.type === "updates_too_long")).toHaveLength(1);
    expect(back.client.updates.state?.pts).toBe((await back.client.invoke({ _: "updates.getState" })).pts);
    await alice.client.disconnect();
    await back.client.disconnect();
  });
});
