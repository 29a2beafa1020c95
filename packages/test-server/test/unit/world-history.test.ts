import { describe, expect, it } from "vitest";
import { historyPage } from "../../src/world/history.js";
import { userPeer } from "../../src/world/peers.js";
import { World } from "../../src/world/world.js";

function worldWithHistory(count: number): { world: World; alice: bigint; bob: bigint } {
  let now = 1_700_000_000_000;
  let random = 1n;
  const world = new World({ env: { now: () => (now += 1000), randomLong: () => random++ } });
  const account = (phone: string) =>
    world.accounts.create({
      phone,
      firstName: phone,
      lastName: undefined,
      username: undefined,
      bot: false,
      homeDc: 1,
      password: undefined,
      botToken: undefined,
    }).id;
  const alice = account("1");
  const bob = account("2");
  for (let i = 1; i <= count; i++) world.chatMessaging.send(alice, userPeer(bob), { text: `m${i}` });
  return { world, alice, bob };
}

const query = { offsetId: 0, offsetDate: 0, addOffset: 0, limit: 10, maxId: 0, minId: 0 };
const ids = (page: { messages: { id: number }[] }) => page.messages.map((message) => message.id);

// https://core.telegram.org/api/offsets
describe("history paging as documented", () => {
  const { world, bob, alice } = worldWithHistory(30);
  const page = (q: Partial<typeof query>) => historyPage(world.store, bob, userPeer(alice), { ...query, ...q });

  it("newest first, limit, total count", () => {
    expect(ids(page({ limit: 3 }))).toEqual([30, 29, 28]);
    expect(page({}).count).toBe(30);
  });

  it("offset_id starts strictly below it; add_offset moves further back or (negative) forward", () => {
    expect(ids(page({ offsetId: 20, limit: 3 }))).toEqual([19, 18, 17]);
    expect(ids(page({ offsetId: 20, addOffset: 2, limit: 3 }))).toEqual([17, 16, 15]);
    expect(ids(page({ offsetId: 20, addOffset: -2, limit: 4 }))).toEqual([21, 20, 19, 18]);
    expect(page({ offsetId: 20, addOffset: -2, limit: 4 }).offsetIdOffset).toBe(9);
    // Past the newest: what exists.
    expect(ids(page({ offsetId: 2, addOffset: -5, limit: 10 }))).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it("max_id and min_id bound the ids (exclusive)", () => {
    expect(ids(page({ maxId: 10, minId: 5 }))).toEqual([9, 8, 7, 6]);
    expect(ids(page({ minId: 27 }))).toEqual([30, 29, 28]);
  });

  it("offset_date starts below that date", () => {
    const tenth = world.messages.ownCopy(bob, 10)!;
    expect(ids(page({ offsetDate: tenth.date, limit: 2 }))).toEqual([9, 8]);
  });

  it("each side has its own ids and out flags", () => {
    const mine = historyPage(world.store, alice, userPeer(bob), { ...query, limit: 1 }).messages[0]!;
    expect(mine).toMatchObject({ out: true, text: "m30" });
    expect(world.messages.ownCopy(bob, 30)).toMatchObject({ out: false, text: "m30" });
  });
});
