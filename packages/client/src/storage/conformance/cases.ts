import type { ClientStorage, PeerRecord } from "../types.js";
import { bytes, expectEqual, expectRejects } from "./expect.js";
import { tempKeySlotCases } from "./temp-key-cases.js";

export interface StorageConformanceCase {
  readonly name: string;
  run(storage: ClientStorage): Promise<void>;
}

const peer = (over: Partial<PeerRecord> & Pick<PeerRecord, "kind" | "id">): PeerRecord => ({
  accessHash: null,
  isMin: false,
  usernames: [],
  phone: null,
  seenIn: null,
  updatedAt: 1_700_000_000,
  ...over,
});

/** The behaviour every `ClientStorage` must have. Each case gets a fresh, empty storage. */
export const storageConformanceCases: readonly StorageConformanceCase[] = [
  {
    name: "permanent auth keys: per DC, copied, deletable",
    async run(s) {
      const key = bytes(256, 1);
      await s.authKeys.setPermanent(2, key);
      key[0] = 0xff;
      expectEqual(await s.authKeys.getPermanent(2), bytes(256, 1), "stored key is a copy");
      expectEqual(await s.authKeys.getPermanent(4), null, "other DC empty");
      await s.authKeys.setPermanent(2, null);
      expectEqual(await s.authKeys.getPermanent(2), null, "deleted");
    },
  },
  {
    name: "auth keys of the wrong size or DC are rejected",
    async run(s) {
      await expectRejects(s.authKeys.setPermanent(2, bytes(255, 0)), "BAD_AUTH_KEY", "255-byte key");
      await expectRejects(s.authKeys.setTemp(2, { key: bytes(0, 0), expiresAt: 1 }), "BAD_AUTH_KEY", "empty temp key");
      await expectRejects(s.authKeys.setPermanent(0, bytes(256, 0)), "BAD_VALUE", "DC 0");
      expectEqual(await s.authKeys.getPermanent(2), null, "nothing written");
    },
  },
  {
    name: "temp auth keys expire and clear() drops every key",
    async run(s) {
      await s.authKeys.setTemp(1, { key: bytes(256, 2), expiresAt: 1000 });
      await s.authKeys.setPermanent(1, bytes(256, 3));
      expectEqual(await s.authKeys.getTemp(1, 999), { key: bytes(256, 2), expiresAt: 1000 }, "valid before expiry");
      expectEqual(await s.authKeys.getTemp(1, 1000), null, "expired at expiresAt");
      await s.authKeys.clear();
      expectEqual([await s.authKeys.getTemp(1, 0), await s.authKeys.getPermanent(1)], [null, null], "cleared");
    },
  },
  ...tempKeySlotCases,
  {
    name: "server salts: replaced per DC, signed 64-bit",
    async run(s) {
      const salts = [
        { salt: -0x7fffffffffffffffn, validSince: 10, validUntil: 1810 },
        { salt: 0x1234567890abcdefn, validSince: 1800, validUntil: 3600 },
      ];
      await s.salts.set(2, salts);
      expectEqual(await s.salts.get(2), salts, "round trip");
      await s.salts.set(2, [salts[1] ?? salts[0]!]);
      expectEqual((await s.salts.get(2)).length, 1, "replaced, not appended");
      expectEqual(await s.salts.get(3), [], "other DC empty");
    },
  },
  {
    name: "home DC and self",
    async run(s) {
      const dc = { id: 2, ip: "2001:db8::1", port: 443, ipv6: true };
      await s.session.setHomeDc(dc);
      await s.session.setSelf({ userId: 0xff_ffff_ffffn, isBot: true });
      expectEqual(await s.session.getHomeDc(), dc, "home DC");
      expectEqual(await s.session.getSelf(), { userId: 0xff_ffff_ffffn, isBot: true }, "self");
      await s.session.setSelf(null);
      expectEqual(await s.session.getSelf(), null, "logged out");
    },
  },
  {
    name: "peers: by id, username (any case) and phone; records replaced whole",
    async run(s) {
      const user = peer({
        kind: "user",
        id: 777000n,
        accessHash: -0x7000000000000001n,
        usernames: ["telegram", "tg"],
        phone: "42777",
      });
      const channel = peer({ kind: "channel", id: 1_000_000_000_000n, accessHash: 5n, usernames: ["news"] });
      const minUser = peer({
        kind: "user",
        id: 5n,
        accessHash: 6n,
        isMin: true,
        seenIn: { chatKind: "channel", chatId: 1_000_000_000_000n, msgId: 34 },
      });
      await s.peers.upsert([user, channel, minUser]);
      expectEqual(await s.peers.get("user", 5n), minUser, "min peer with its context");
      expectEqual(
        await s.peers.getMany([
          { kind: "channel", id: 1_000_000_000_000n },
          { kind: "chat", id: 1n },
          { kind: "user", id: 777000n },
        ]),
        [channel, null, user],
        "getMany, aligned with the keys",
      );
      expectEqual(await s.peers.get("user", 777000n), user, "by id");
      expectEqual(await s.peers.get("channel", 777000n), null, "kinds are separate id spaces");
      expectEqual(await s.peers.getByUsername("TG"), user, "second username, any case");
      expectEqual(await s.peers.getByPhone("42777"), user, "by phone");
      expectEqual(await s.peers.count(), 3, "count");
      await s.peers.upsert([{ ...user, usernames: ["telegram"], phone: null }]);
      expectEqual(await s.peers.getByUsername("tg"), null, "dropped username no longer resolves");
      expectEqual(await s.peers.getByPhone("42777"), null, "dropped phone no longer resolves");
      await s.peers.upsert([
        { ...channel, usernames: ["telegram"] },
        { ...user, usernames: [] },
      ]);
      expectEqual((await s.peers.getByUsername("telegram"))?.kind, "channel", "username moved to another peer");
    },
  },
  {
    name: "update state and channel pts",
    async run(s) {
      expectEqual(await s.updates.get(), null, "empty at first");
      await s.updates.set({ pts: 1, qts: 2, date: 1_700_000_000, seq: 4 });
      await s.updates.setChannelPts(1_234_567_890_123n, 99);
      expectEqual(await s.updates.get(), { pts: 1, qts: 2, date: 1_700_000_000, seq: 4 }, "state");
      expectEqual(await s.updates.getChannelPts(1_234_567_890_123n), 99, "channel pts");
      await s.updates.setChannelPts(1_234_567_890_123n, null);
      await s.updates.set(null);
      expectEqual([await s.updates.get(), await s.updates.getChannelPts(1_234_567_890_123n)], [null, null], "deleted");
    },
  },
  {
    name: "update state: overwritten in place, int32 extremes; every channel pts listed",
    async run(s) {
      expectEqual(await s.updates.listChannelPts(), [], "no channels at first");
      await s.updates.set({ pts: 1, qts: 1, date: 1, seq: 1 });
      await s.updates.set({ pts: 2_147_483_647, qts: 0, date: 2_000_000_000, seq: 2_147_483_647 });
      expectEqual(
        await s.updates.get(),
        { pts: 2_147_483_647, qts: 0, date: 2_000_000_000, seq: 2_147_483_647 },
        "last write wins",
      );
      const big = 9_007_199_254_740_993n;
      await s.updates.setChannelPts(5n, 10);
      await s.updates.setChannelPts(big, 20);
      await s.updates.setChannelPts(7n, 30);
      await s.updates.setChannelPts(5n, 11);
      await s.updates.setChannelPts(7n, null);
      const listed = [...(await s.updates.listChannelPts())].sort((a, b) => (a[0] < b[0] ? -1 : 1));
      expectEqual(
        listed,
        [
          [5n, 11],
          [big, 20],
        ],
        "updated in place, deleted gone, ids beyond 2^53 exact",
      );
    },
  },
  {
    name: "key-value: exact bytes, copied, deletable",
    async run(s) {
      const value = bytes(1000, 9);
      await s.kv.set("dc_options", value);
      value[0] = 1;
      expectEqual(await s.kv.get("dc_options"), bytes(1000, 9), "round trip");
      await s.kv.set("dc_options", null);
      expectEqual(await s.kv.get("dc_options"), null, "deleted");
    },
  },
  {
    name: "a closed storage rejects with CLOSED",
    async run(s) {
      await s.close();
      await s.close();
      await expectRejects(s.authKeys.getPermanent(1), "CLOSED", "read after close");
      await expectRejects(s.peers.upsert([]), "CLOSED", "write after close");
    },
  },
];
