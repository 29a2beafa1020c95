// The peer cache against real bytes: objects encoded and decoded by @mtkit/tl-core's generated
// API registry (layer 228), so a field-name or shape mismatch with the generated types fails here.
import { decodeObject, encodeObject } from "@mtkit/tl-core";
import { apiRegistry, type messages } from "@mtkit/tl-core/api";
import { mtprotoRegistry } from "@mtkit/tl-core/mtproto";
import { describe, expect, it } from "vitest";
import { MemoryStorage, PeerCache, RpcError } from "../src/index.js";

const photo = { _: "chatPhotoEmpty" } as const;

const response: messages.RawChannelMessages = {
  _: "messages.channelMessages",
  pts: 10,
  count: 1,
  messages: [
    {
      _: "message",
      id: 34,
      peerId: { _: "peerChannel", channelId: 123456789n },
      fromId: { _: "peerUser", userId: 102424212n },
      date: 1_700_000_000,
      message: "hi",
    },
  ],
  topics: [],
  chats: [
    {
      _: "channel",
      id: 123456789n,
      accessHash: -5n,
      title: "Group",
      photo,
      date: 1,
      megagroup: true,
      username: "The_Group",
    },
    { _: "chat", id: 42n, title: "Old", photo, participantsCount: 2, date: 1, version: 1 },
  ],
  users: [
    { _: "user", id: 102424212n, min: true, firstName: "Bob" },
    { _: "user", id: 777n, accessHash: 0x7fff_ffff_ffff_ffffn, username: "Carol", phone: "15550199" },
  ],
};

describe("PeerCache with objects decoded by @mtkit/tl-core", () => {
  it("ingests a decoded messages.channelMessages and resolves every peer in it", async () => {
    const decoded = decodeObject(apiRegistry, encodeObject(apiRegistry, response));
    const storage = new MemoryStorage();
    const cache = new PeerCache(storage.peers, { now: () => 1 });
    expect(await cache.ingest(decoded)).toBe(4);
    expect(await cache.resolvePeer("@the_group")).toEqual({
      _: "inputPeerChannel",
      channelId: 123456789n,
      accessHash: -5n,
    });
    expect(await cache.resolvePeer("+1 555 0199")).toEqual({
      _: "inputPeerUser",
      userId: 777n,
      accessHash: 0x7fff_ffff_ffff_ffffn,
    });
    expect(await cache.resolvePeer(-42)).toEqual({ _: "inputPeerChat", chatId: 42n });
    const fromMessage = await cache.resolvePeer(102424212n);
    expect(fromMessage).toEqual({
      _: "inputPeerUserFromMessage",
      peer: { _: "inputPeerChannel", channelId: 123456789n, accessHash: -5n },
      msgId: 34,
      userId: 102424212n,
    });
    // What we build must be writable by the generated writer (it would throw on a wrong shape).
    const request = { _: "users.getFullUser", id: await cache.resolveUser(102424212n) } as const;
    expect(decodeObject(apiRegistry, encodeObject(apiRegistry, request))).toEqual(request);
  });

  it("builds RpcError from a decoded rpc_error", () => {
    const rpcError = { _: "rpc_error", errorCode: 420, errorMessage: "FLOOD_WAIT_17" } as const;
    const bytes = encodeObject(mtprotoRegistry, rpcError);
    const object = decodeObject(mtprotoRegistry, bytes) as { errorCode: number; errorMessage: string };
    expect(RpcError.fromTl(object, "messages.getHistory")).toMatchObject({
      code: 420,
      name: "FLOOD_WAIT",
      argument: 17,
    });
  });
});
