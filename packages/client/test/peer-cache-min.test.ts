import { describe, expect, it } from "vitest";
import { makeCache } from "./peer-cache-harness.js";

describe("min peers seen in a chat (https://core.telegram.org/api/min)", () => {
  const minSender = { _: "user", id: 102424212n, min: true, firstName: "Bob" } as const;
  const group = { _: "channel", id: 123456789n, accessHash: 77n, megagroup: true, title: "Group" } as const;
  const update = {
    _: "updates",
    updates: [
      {
        _: "updateNewChannelMessage",
        message: {
          _: "message",
          id: 34,
          peerId: { _: "peerChannel", channelId: 123456789n },
          fromId: { _: "peerUser", userId: 102424212n },
        },
      },
    ],
    users: [minSender],
    chats: [group],
  };

  it("addresses a min sender through the message it was seen in", async () => {
    const { cache, storage } = makeCache();
    await cache.ingest(update);
    expect(await storage.peers.get("user", 102424212n)).toMatchObject({
      isMin: true,
      seenIn: { chatKind: "channel", chatId: 123456789n, msgId: 34 },
    });
    const input = {
      _: "inputPeerUserFromMessage",
      peer: { _: "inputPeerChannel", channelId: 123456789n, accessHash: 77n },
      msgId: 34,
      userId: 102424212n,
    };
    expect(await cache.resolvePeer(102424212)).toEqual(input);
    expect(await cache.resolveUser(102424212)).toEqual({ ...input, _: "inputUserFromMessage" });
  });

  it("keeps the last context when a later min copy comes without a message, and drops it once full", async () => {
    const { cache, storage } = makeCache();
    await cache.ingest(update);
    await cache.ingest({ users: [minSender] });
    expect((await storage.peers.get("user", 102424212n))?.seenIn).toMatchObject({ msgId: 34 });
    await cache.ingest({ users: [{ _: "user", id: 102424212n, accessHash: 5n }] });
    expect(await storage.peers.get("user", 102424212n)).toMatchObject({ isMin: false, seenIn: null, accessHash: 5n });
    expect(await cache.resolvePeer(102424212)).toEqual({ _: "inputPeerUser", userId: 102424212n, accessHash: 5n });
  });

  it("tracks forward sources too, and reports min_only when the chat itself is unknown", async () => {
    const { cache } = makeCache();
    await cache.ingest({
      messages: [
        {
          _: "message",
          id: 9,
          peerId: { _: "peerChannel", channelId: 555n },
          fwdFrom: { _: "messageFwdHeader", fromId: { _: "peerChannel", channelId: 666n } },
        },
      ],
      chats: [{ _: "channel", id: 666n, min: true, title: "Source" }],
    });
    await expect(cache.resolvePeer(-1_000_000_000_666n)).rejects.toMatchObject({
      attempts: [{ source: "cache", outcome: "min_only" }, { outcome: "skipped" }],
    });
    await cache.ingest({ chats: [{ _: "channel", id: 555n, accessHash: 1n, title: "Where" }] });
    expect(await cache.resolvePeer(-1_000_000_000_666n)).toEqual({
      _: "inputPeerChannelFromMessage",
      peer: { _: "inputPeerChannel", channelId: 555n, accessHash: 1n },
      msgId: 9,
      channelId: 666n,
    });
  });
});
