// Channels after an absence (https://core.telegram.org/api/updates): Bob is offline while channels
// he is in move on. When he comes back, nothing new is posted to reveal the gaps: the server's
// getDifference names the channels that moved (updateChannelTooLong) and the client's catch-up
// checks every channel whose pts it keeps, so he gets exactly the missed posts of each, once, in order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TypeUpdate } from "@mtkit/tl-core/api";
import type { TelegramClient } from "../../src/node/index.js";
import type { ClientStorage } from "../../src/storage/types.js";
import { makeClient, startHarness, type Harness } from "./harness.js";
import { until } from "./scripted-updates.js";

// The world's clock runs ahead in steps, so "posted after Bob's state" never falls in the same second.
let skewMs = 0;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ limits: { sliceSize: 10 }, now: () => Date.now() + skewMs });
});
afterAll(async () => {
  await h.close();
});

interface Bob {
  readonly client: TelegramClient;
  readonly storage: ClientStorage;
  readonly events: ReturnType<typeof makeClient>["events"];
  /** Per channel id: the texts of the posts delivered, in order. */
  readonly posts: Map<bigint, string[]>;
}

let nextNumber = 1;
const bobPhone = (): string => `999663${String(nextNumber++).padStart(4, "0")}`;

async function connectBob(phone: string, storage?: ClientStorage): Promise<Bob> {
  const posts = new Map<bigint, string[]>();
  const made = makeClient(h.server, {
    ...(storage === undefined ? {} : { storage }),
    updates: {
      gapWaitMs: 50,
      channelDifferenceLimit: 4,
      channelFetchConcurrency: 2,
      sink: (batch) => {
        for (const update of batch.updates) {
          const post = postOf(update);
          if (post !== undefined) posts.set(post.channelId, [...(posts.get(post.channelId) ?? []), post.text]);
        }
      },
    },
  });
  await made.client.start({ phone, code: () => "33333", firstName: "Bob" });
  return { client: made.client, storage: made.storage, events: made.events, posts };
}

function postOf(update: TypeUpdate): { channelId: bigint; text: string } | undefined {
  if (update._ !== "updateNewChannelMessage" || update.message._ !== "message") return undefined;
  const peer = update.message.peerId;
  return peer._ === "peerChannel" ? { channelId: peer.channelId, text: update.message.message } : undefined;
}

const numbered = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix} ${i}`);

describe("updates engine: channels after an absence", () => {
  it("an offline member of 3 channels gets exactly the missed posts of each, once, in order", async () => {
    const alice = h.slice.addUser({ phone: "9996639001", firstName: "Alice" });
    const phone = bobPhone();
    const bob = await connectBob(phone);
    const bobId = (await bob.client.getMe()).id;
    const channels = [1, 2, 3, 4].map((n) =>
      h.slice.addChannel({ title: `Absence ${n}`, creatorId: alice.id, memberIds: [bobId] }),
    );
    // Bob sees one post in each channel while online: he keeps their pts and access hashes.
    for (const channel of channels) h.slice.world.channels.post(alice.id, channel.id, { text: "hello" });
    await until(() => channels.every((c) => bob.posts.get(c.id)?.length === 1), "the first posts");
    // Channel pushes do not move the account's state date; a difference does.
    skewMs += 5_000;
    await bob.client.updates.catchUp();
    await bob.client.disconnect();

    skewMs += 5_000;
    const missed = [numbered("one", 9), numbered("two", 3), numbered("three", 14)];
    // Interleaved, as a real absence would be; the fourth channel stays quiet.
    for (let i = 0; i < 14; i++)
      missed.forEach((texts, n) => {
        if (i < texts.length) h.slice.world.channels.post(alice.id, channels[n]!.id, { text: texts[i]! });
      });

    const back = await connectBob(phone, bob.storage);
    await back.client.updates.catchUp();
    await back.client.updates.flush();
    missed.forEach((texts, n) => {
      expect(back.posts.get(channels[n]!.id)).toEqual(texts);
    });
    expect(back.posts.has(channels[3]!.id)).toBe(false);
    // The server named the three channels that moved; the quiet one was checked by the catch-up.
    const reasons = new Map<bigint, string[]>();
    for (const event of back.events)
      if (event.type === "updates_fetch" && typeof event.box === "bigint")
        reasons.set(event.box, [...(reasons.get(event.box) ?? []), event.reason]);
    for (const channel of channels.slice(0, 3)) expect(reasons.get(channel.id)?.[0]).toBe("too_long");
    expect(reasons.get(channels[3]!.id)?.length).toBeGreaterThan(0);
    expect(reasons.get(channels[3]!.id)).not.toContain("too_long");
    // Nothing was lost or repeated after a second reconnect either.
    await back.client.disconnect();
    const again = await connectBob(phone, back.storage);
    await again.client.updates.catchUp();
    await again.client.updates.flush();
    expect(again.posts.size).toBe(0);
    await again.client.disconnect();
  });

  it("a channel Bob was added to while offline starts from the pts the server names", async () => {
    const alice = h.slice.addUser({ phone: "9996639002", firstName: "Alice" });
    const phone = bobPhone();
    const bob = await connectBob(phone);
    const bobId = (await bob.client.getMe()).id;
    await bob.client.disconnect();

    skewMs += 5_000;
    const channel = h.slice.addChannel({ title: "Joined away", creatorId: alice.id, memberIds: [bobId] });
    const expected = numbered("news", 6);
    for (const text of expected) h.slice.world.channels.post(alice.id, channel.id, { text });

    const back = await connectBob(phone, bob.storage);
    await back.client.updates.catchUp();
    await back.client.updates.flush();
    expect(back.posts.get(channel.id)).toEqual(expected);
    expect(back.client.updates.channelPts(channel.id)).toBe(h.slice.world.boxes.channelPts(channel.id));
    await back.client.disconnect();
  });

  it("a channel that moved past the server's threshold ends in updates_too_long, not a long replay", async () => {
    const alice = h.slice.addUser({ phone: "9996639003", firstName: "Alice" });
    const phone = bobPhone();
    const bob = await connectBob(phone);
    const bobId = (await bob.client.getMe()).id;
    const channel = h.slice.addChannel({ title: "Busy", creatorId: alice.id, memberIds: [bobId] });
    h.slice.world.channels.post(alice.id, channel.id, { text: "hello" });
    await until(() => bob.posts.get(channel.id)?.length === 1, "the first post");
    await bob.client.disconnect();

    skewMs += 5_000;
    h.server.faults.updates.forceChannelDifferenceTooLong();
    h.slice.world.channels.post(alice.id, channel.id, { text: "missed" });
    const back = await connectBob(phone, bob.storage);
    await back.client.updates.catchUp();
    await back.client.updates.flush();
    const tooLong = back.events.filter((e) => e.type === "updates_too_long" && e.box === channel.id);
    expect(tooLong).toHaveLength(1);
    expect(back.client.updates.channelPts(channel.id)).toBe(h.slice.world.boxes.channelPts(channel.id));
    await back.client.disconnect();
  });
});
