import { describe, expect, it } from "vitest";
import { makeCache, NOW } from "./peer-cache-harness.js";
import {
  MemoryStorage,
  PeerCache,
  PeerKindError,
  PeerNotFoundError,
  RpcError,
  type PeerServerLookup,
} from "../src/index.js";

const fullUser = {
  _: "user",
  id: 1001n,
  accessHash: 0x1111n,
  username: "Alice",
  phone: "+1 555 0100",
  firstName: "Alice",
} as const;
const minUser = {
  _: "user",
  id: 1001n,
  accessHash: 0x9999n,
  min: true,
  username: "alice_new",
  firstName: "Alice",
} as const;
const channel = {
  _: "channel",
  id: 2002n,
  accessHash: -0x2222n,
  title: "News",
  usernames: [
    { _: "username", username: "NewsMain", active: true },
    { _: "username", username: "old_news", active: false },
  ],
} as const;
const basicChat = { _: "chat", id: 3003n, title: "Friends", participantsCount: 3, date: 0, version: 1 } as const;

/** A messages.messages as the generated API types will shape it (schema field names). */
const history = {
  _: "messages.messages",
  messages: [
    { _: "message", id: 1, peerId: { _: "peerChannel", channelId: 2002n }, fromId: { _: "peerUser", userId: 1001n } },
  ],
  chats: [channel, basicChat],
  users: [fullUser],
};

describe("PeerCache.ingest", () => {
  it("stores every user, chat and channel of a response, with access hashes", async () => {
    const { cache, storage } = makeCache();
    expect(await cache.ingest(history)).toBe(3);
    expect(await storage.peers.get("user", 1001n)).toEqual({
      kind: "user",
      id: 1001n,
      accessHash: 0x1111n,
      isMin: false,
      usernames: ["alice"],
      phone: "15550100",
      seenIn: null,
      updatedAt: NOW,
    });
    expect(await storage.peers.get("channel", 2002n)).toMatchObject({ accessHash: -0x2222n, usernames: ["newsmain"] });
    expect(await storage.peers.get("chat", 3003n)).toMatchObject({ accessHash: null });
    expect(await cache.ingest(history)).toBe(0);
  });

  it("finds peers nested anywhere (updates -> updates[] -> ...) and ignores empty ones", async () => {
    const { cache, storage } = makeCache();
    const updates = {
      _: "updates",
      updates: [{ _: "updateNewMessage", message: { _: "message", id: 5 } }],
      users: [{ _: "userEmpty", id: 5n }],
      chats: [],
      nested: { deeper: [{ _: "channelForbidden", id: 77n, accessHash: 8n, title: "gone" }] },
      blob: new Uint8Array(16),
    };
    expect(await cache.ingest(updates)).toBe(1);
    expect(await storage.peers.get("channel", 77n)).toMatchObject({ accessHash: 8n, isMin: false });
    expect(await cache.ingest(null)).toBe(0);
    expect(await cache.ingest("text")).toBe(0);
  });

  it("never lets a min user overwrite a full access hash (https://core.telegram.org/api/min)", async () => {
    const { cache, storage } = makeCache();
    await cache.ingest({ users: [fullUser] });
    await cache.ingest({ users: [minUser] });
    expect(await storage.peers.get("user", 1001n)).toMatchObject({
      accessHash: 0x1111n,
      isMin: false,
      phone: "15550100",
      usernames: ["alice_new"],
    });
    expect(await cache.resolvePeer(1001)).toEqual({ _: "inputPeerUser", userId: 1001n, accessHash: 0x1111n });
  });

  it("keeps the full record when min and full copies arrive in one response, in either order", async () => {
    for (const users of [
      [minUser, fullUser],
      [fullUser, minUser],
    ]) {
      const { cache, storage } = makeCache();
      await cache.ingest({ users });
      expect(await storage.peers.get("user", 1001n)).toMatchObject({ accessHash: 0x1111n, isMin: false });
    }
  });

  it("keeps the full hash when full and min copies are ingested concurrently (SQLite too)", async () => {
    const { SqliteStorage } = await import("../src/storage/sqlite/index.js");
    for (const storage of [new MemoryStorage(), new SqliteStorage(":memory:")]) {
      const cache = new PeerCache(storage.peers, { now: () => NOW });
      await Promise.all([
        cache.ingest({ users: [fullUser] }),
        cache.ingest({ users: [minUser] }),
        cache.ingest({ users: [minUser] }),
      ]);
      expect(await storage.peers.get("user", 1001n)).toMatchObject({ accessHash: 0x1111n, isMin: false });
      await storage.close();
    }
  });

  it("keeps ingesting after one ingest failed", async () => {
    const { cache, storage } = makeCache();
    await storage.close();
    await expect(cache.ingest({ users: [fullUser] })).rejects.toMatchObject({ code: "CLOSED" });
    await expect(cache.ingest({ users: [fullUser] })).rejects.toMatchObject({ code: "CLOSED" });
    expect(await cache.ingest({})).toBe(0);
  });

  it("upgrades a min-only peer when the full object arrives", async () => {
    const { cache, storage } = makeCache();
    await cache.ingest({ users: [minUser] });
    await expect(cache.resolvePeer(1001)).rejects.toMatchObject({
      attempts: [{ source: "cache", outcome: "min_only" }, { outcome: "skipped" }],
    });
    await cache.ingest({ users: [fullUser] });
    expect(await storage.peers.get("user", 1001n)).toMatchObject({ accessHash: 0x1111n, isMin: false });
  });

  it("normalises unsigned 64-bit hashes to signed (TL long)", async () => {
    const { cache, storage } = makeCache();
    await cache.ingest({ users: [{ _: "user", id: 9n, accessHash: 2n ** 64n - 1n }] });
    expect((await storage.peers.get("user", 9n))?.accessHash).toBe(-1n);
  });
});

describe("PeerCache.resolvePeer", () => {
  it("resolves ids, marked ids, usernames, links, phones, Peer and input objects", async () => {
    const { cache } = makeCache();
    await cache.ingest(history);
    const user = { _: "inputPeerUser", userId: 1001n, accessHash: 0x1111n };
    const chan = { _: "inputPeerChannel", channelId: 2002n, accessHash: -0x2222n };
    expect(await cache.resolvePeer(1001)).toEqual(user);
    expect(await cache.resolvePeer("1001")).toEqual(user);
    expect(await cache.resolvePeer("@ALICE")).toEqual(user);
    expect(await cache.resolvePeer("alice")).toEqual(user);
    expect(await cache.resolvePeer("+1 (555) 0100")).toEqual(user);
    expect(await cache.resolvePeer({ _: "peerUser", userId: 1001n })).toEqual(user);
    expect(await cache.resolvePeer(-1_000_000_002_002n)).toEqual(chan);
    expect(await cache.resolvePeer("https://t.me/newsmain")).toEqual(chan);
    expect(await cache.resolvePeer({ _: "peerChannel", channelId: 2002n })).toEqual(chan);
    expect(await cache.resolvePeer(-3003)).toEqual({ _: "inputPeerChat", chatId: 3003n });
    expect(await cache.resolvePeer("me")).toEqual({ _: "inputPeerSelf" });
    expect(await cache.resolvePeer({ _: "inputUser", userId: 5n, accessHash: 6n })).toEqual({
      _: "inputPeerUser",
      userId: 5n,
      accessHash: 6n,
    });
    expect(await cache.resolvePeer(fullUser)).toEqual(user);
  });

  it("resolves a basic chat by id without having seen it (no access hash needed)", async () => {
    const { cache } = makeCache();
    expect(await cache.resolvePeer({ _: "peerChat", chatId: 42n })).toEqual({ _: "inputPeerChat", chatId: 42n });
  });

  it("converts to InputUser / InputChannel and refuses the wrong kind", async () => {
    const { cache } = makeCache();
    await cache.ingest(history);
    expect(await cache.resolveUser("@alice")).toEqual({ _: "inputUser", userId: 1001n, accessHash: 0x1111n });
    expect(await cache.resolveUser("me")).toEqual({ _: "inputUserSelf" });
    expect(await cache.resolveChannel("@newsmain")).toEqual({
      _: "inputChannel",
      channelId: 2002n,
      accessHash: -0x2222n,
    });
    await expect(cache.resolveChannel("@alice")).rejects.toBeInstanceOf(PeerKindError);
    await expect(cache.resolveUser(-3003)).rejects.toMatchObject({
      code: "WRONG_PEER_KIND",
      expected: "user",
      actual: "inputPeerChat",
    });
  });

  it("says what it tried when a peer is unknown and no server lookup is wired", async () => {
    const { cache } = makeCache();
    const error: unknown = await cache.resolvePeer("@nobody_here").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PeerNotFoundError);
    expect(error).toMatchObject({
      code: "PEER_NOT_FOUND",
      query: "@nobody_here",
      attempts: [
        { source: "cache", lookup: "username", outcome: "missing" },
        { source: "server", lookup: "username", outcome: "skipped" },
      ],
    });
    expect(String(error)).toMatch(
      /could not resolve peer @nobody_here \(cache username: cache by @nobody_here -> missing; server username/,
    );
  });

  it("asks the server, ingests the answer, and resolves from it", async () => {
    const calls: string[] = [];
    const server: PeerServerLookup = {
      resolveUsername: (username) => {
        calls.push(`resolveUsername ${username}`);
        return Promise.resolve({
          _: "contacts.resolvedPeer",
          peer: { _: "peerUser", userId: 1001n },
          users: [fullUser],
          chats: [],
        });
      },
      resolvePhone: () => Promise.reject(new RpcError(400, "PHONE_NOT_OCCUPIED", "contacts.resolvePhone")),
      getUserById: (id) => {
        calls.push(`getUserById ${id}`);
        return Promise.resolve([]);
      },
    };
    const { cache } = makeCache(server);
    expect(await cache.resolvePeer("@alice")).toEqual({ _: "inputPeerUser", userId: 1001n, accessHash: 0x1111n });
    expect(await cache.resolvePeer("@alice")).toMatchObject({ userId: 1001n });
    expect(calls).toEqual(["resolveUsername alice"]);

    const phoneError: unknown = await cache.resolvePeer("+999 1234567").catch((e: unknown) => e);
    expect(phoneError).toMatchObject({
      query: "+9991234567",
      attempts: [
        { outcome: "missing" },
        { source: "server", outcome: "error", detail: "contacts.resolvePhone: PHONE_NOT_OCCUPIED (400)" },
      ],
    });
    expect((phoneError as Error).cause).toBeInstanceOf(RpcError);

    await expect(cache.resolvePeer(555)).rejects.toMatchObject({
      attempts: [{ outcome: "missing" }, { source: "server", outcome: "missing" }],
    });
    expect(calls).toContain("getUserById 555");
    await expect(cache.resolvePeer(-1_000_000_000_555n)).rejects.toMatchObject({
      attempts: [{ outcome: "missing" }, { outcome: "skipped" }],
    });
  });

  it("lets non-RPC failures (network, cancellation) through unchanged", async () => {
    const failure = new Error("socket closed");
    const { cache } = makeCache({ resolveUsername: () => Promise.reject(failure) });
    await expect(cache.resolvePeer("@alice")).rejects.toBe(failure);
  });

  it.each([
    ["", "empty text"],
    ["@ab", "too short for a username"],
    ["hello world", "spaces"],
    [1.5, "fractional id"],
    [0, "zero"],
    [2n ** 41n, "outside every id range"],
    [-5_000_000_000_000n, "below the channel range"],
  ])("rejects %s (%s) with a typed error", async (input, why) => {
    expect(why).not.toBe("");
    const { cache } = makeCache();
    await expect(cache.resolvePeer(input)).rejects.toMatchObject({
      code: "PEER_NOT_FOUND",
      attempts: [{ source: "input", outcome: "invalid" }],
    });
  });

  it("rejects empty input peers", async () => {
    const { cache } = makeCache();
    await expect(cache.resolvePeer({ _: "inputPeerEmpty" })).rejects.toBeInstanceOf(PeerNotFoundError);
  });
});
