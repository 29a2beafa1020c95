import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { installWorld, SqliteWorldStore, TestServer, WorldStoreError } from "../../src/index.js";
import { inputPeer, loginTestNumber } from "./world-client.js";

const dir = mkdtempSync(join(tmpdir(), "mtkit-world-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function serve(): Promise<{
  server: TestServer;
  close: () => Promise<void>;
  world: ReturnType<typeof installWorld>;
}> {
  const server = await TestServer.start();
  const world = installWorld(server, { store: SqliteWorldStore.open(dir), autoDeleteIntervalMs: 0 });
  return {
    server,
    world,
    close: async () => {
      await server.close();
      world.close();
    },
  };
}

describe("SQLite world (--data DIR)", () => {
  it("a restarted server still has the accounts, messages, channels and update boxes", async () => {
    const first = await serve();
    const alice = await loginTestNumber(first.server, "9996616001");
    const bob = await loginTestNumber(first.server, "9996616002");
    const channel = first.world.addChannel({
      title: "Kept",
      memberIds: [alice.userId, bob.userId],
      generatedMembers: 50,
    });
    const state = await bob.driver.invoke({ _: "updates.getState" });
    await bob.driver.close();
    await alice.driver.invoke({
      _: "messages.sendMessage",
      peer: inputPeer(bob),
      message: "written before the restart",
      randomId: 1n,
    });
    await alice.driver.invoke({
      _: "messages.sendMessage",
      peer: { _: "inputPeerChannel", channelId: channel.id, accessHash: channel.accessHash },
      message: "channel post",
      randomId: 2n,
    });
    await alice.driver.close();
    // Only one server may hold the directory.
    expect(() => SqliteWorldStore.open(dir)).toThrow(WorldStoreError);
    await first.close();

    const second = await serve();
    try {
      const back = await loginTestNumber(second.server, "9996616002");
      expect(back.userId).toBe(bob.userId);
      const difference = await back.driver.invoke({
        _: "updates.getDifference",
        pts: state.pts,
        date: state.date,
        qts: 0,
      });
      expect(difference).toMatchObject({
        _: "updates.difference",
        newMessages: [{ message: "written before the restart" }],
      });
      const posts = await back.driver.invoke({
        _: "messages.getHistory",
        peer: { _: "inputPeerChannel", channelId: channel.id, accessHash: channel.accessHash },
        offsetId: 0,
        offsetDate: 0,
        addOffset: 0,
        limit: 10,
        maxId: 0,
        minId: 0,
        hash: 0n,
      });
      expect(posts).toMatchObject({
        _: "messages.channelMessages",
        count: 2,
        messages: [{ message: "channel post" }, { _: "messageService" }],
      });
      expect(second.world.world.channels.get(channel.id)?.memberCount).toBe(53);
      await back.driver.close();
    } finally {
      await second.close();
    }
  });
});
