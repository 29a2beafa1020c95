// updates.getDifference names the channels that moved since the client's state date with
// updateChannelTooLong (https://core.telegram.org/api/updates), carrying the pts each stood at
// before that date; quiet channels are left out. The world's clock is injected.
import type { TypeUpdate, updates_TypeDifference } from "@mtkit/tl-core/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installWorld, TestServer, type WorldServer } from "../../src/index.js";
import { loginTestNumber } from "./world-client.js";

let clockMs = Date.UTC(2026, 0, 1);
let server: TestServer;
let world: WorldServer;
beforeAll(async () => {
  server = await TestServer.start({ dcs: 1 });
  world = installWorld(server, { homeDc: 1, now: () => clockMs, limits: { channelTooLongAfter: 500 } });
});
afterAll(async () => {
  world.close();
  await server.close();
});

const tooLongOf = (difference: updates_TypeDifference): Map<bigint, number | undefined> => {
  const updates: TypeUpdate[] = "otherUpdates" in difference ? difference.otherUpdates : [];
  return new Map(updates.flatMap((u) => (u._ === "updateChannelTooLong" ? [[u.channelId, u.pts] as const] : [])));
};

describe("test server: getDifference names the channels that moved", () => {
  it("busy, quiet and new channels: only the moved ones, each with its pts before the date", async () => {
    const bob = await loginTestNumber(server, "9996617001");
    const alice = world.addUser({ phone: "+1 555 9100", firstName: "Alice" });
    const busy = world.addChannel({ title: "Busy", creatorId: alice.id, memberIds: [bob.userId] });
    const quiet = world.addChannel({ title: "Quiet", creatorId: alice.id, memberIds: [bob.userId] });
    const post = (channelId: bigint, n: number): void => {
      for (let i = 0; i < n; i++) world.world.channels.post(alice.id, channelId, { text: `post ${String(i)}` });
    };
    post(busy.id, 30);
    post(quiet.id, 2);
    const busyBefore = world.world.boxes.channelPts(busy.id);
    const state = (await bob.driver.invoke({ _: "updates.getState" })) as { pts: number; date: number };

    clockMs += 10_000;
    const date = Math.floor(clockMs / 1000) - 5;
    // More than one page of the log (100 entries) after the date: the server reads back past it.
    post(busy.id, 120);
    const fresh = world.addChannel({ title: "Fresh", creatorId: alice.id, memberIds: [bob.userId] });
    post(fresh.id, 2);

    const difference = await bob.driver.invoke({
      _: "updates.getDifference",
      pts: state.pts,
      date,
      qts: 0,
    });
    // Bob's own box did not move: an otherwise empty difference carries the notices.
    expect(difference._).toBe("updates.difference");
    expect(tooLongOf(difference)).toEqual(
      new Map([
        [busy.id, busyBefore],
        [fresh.id, 1],
      ]),
    );
    const chats = "chats" in difference ? difference.chats.map((chat) => chat.id) : [];
    expect(chats).toEqual(expect.arrayContaining([busy.id, fresh.id]));

    // From the difference's own date on, nothing has moved.
    const later = await bob.driver.invoke({
      _: "updates.getDifference",
      pts: state.pts,
      date: Math.floor(clockMs / 1000) + 1,
      qts: 0,
    });
    expect(later._).toBe("updates.differenceEmpty");
    await bob.driver.close();
  });
});
