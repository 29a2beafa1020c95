import { describe, expect, it } from "vitest";
import { seedChannel } from "../../src/install/seed-channel.js";
import { MemoryWorldStore } from "../../src/store/memory-store.js";
import type { Table, WorldStore } from "../../src/store/world-store.js";
import type { WorldTables } from "../../src/world/tables.js";
import { participantsPage } from "../../src/world/participants.js";
import { World } from "../../src/world/world.js";

/** A memory store that counts row writes, to prove a post's cost does not grow with the member count. */
class CountingStore implements WorldStore {
  writes = 0;
  private readonly inner = new MemoryWorldStore();
  private readonly wrapped = new Map<string, unknown>();

  table<K extends keyof WorldTables>(name: K): Table<WorldTables[K]> {
    const known = this.wrapped.get(name);
    if (known !== undefined) return known as Table<WorldTables[K]>;
    const table = this.inner.table(name);
    const wrapper: Table<WorldTables[K]> = {
      get: (group, key) => table.get(group, key),
      put: (group, key, value) => {
        this.writes++;
        table.put(group, key, value);
      },
      delete: (group, key) => table.delete(group, key),
      scan: (group, options) => table.scan(group, options),
      count: (group, options) => table.count(group, options),
    };
    this.wrapped.set(name, wrapper);
    return wrapper;
  }

  transaction<T>(fn: () => T): T {
    return this.inner.transaction(fn);
  }

  close(): void {
    this.inner.close();
  }
}

describe("a 200,000-member group", () => {
  it("is seeded without handshakes, and a post costs the same few writes as in a 10-member group", () => {
    let random = 1n;
    const env = { now: () => 1_700_000_000_000, randomLong: () => random++ };
    const costOfPost = (members: number): { writes: number; world: World; channelId: bigint } => {
      const store = new CountingStore();
      const world = new World({ store, env });
      const channel = seedChannel(world, { title: "big", generatedMembers: members }, 1);
      const before = store.writes;
      world.channels.post(channel.creatorId, channel.id, { text: "hello everyone" });
      return { writes: store.writes - before, world, channelId: channel.id };
    };
    const small = costOfPost(10);
    const big = costOfPost(200_000);
    expect(big.world.channels.get(big.channelId)?.memberCount).toBe(200_001);
    expect(big.writes).toBe(small.writes);
    expect(big.writes).toBeLessThan(10);

    // Offline members catch up from the channel's box: the create message and the post.
    const entries = big.world.boxes.entriesAfter({ kind: "channel", id: big.channelId }, 1, 100);
    expect(entries.map((entry) => entry.event.kind)).toEqual(["newMessage", "newMessage"]);

    // Participants page by 200 at most, down to the last one.
    const first = participantsPage(big.world.store, big.channelId, { kind: "recent" }, 0, 500);
    expect(first.members).toHaveLength(200);
    expect(first.count).toBe(200_001);
    const last = participantsPage(big.world.store, big.channelId, { kind: "recent" }, 199_950, 200);
    expect(last.members).toHaveLength(51);
    expect(last.members[50]?.role).toBe("creator");
    const admins = participantsPage(big.world.store, big.channelId, { kind: "admins" }, 0, 200);
    expect(admins.members.map((member) => member.role)).toEqual(["creator"]);
  }, 180_000); // CPU-bound seeding of 200,000 members: seconds alone, minutes on a loaded 2-core CI machine
});
