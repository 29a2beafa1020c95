import { describe, expect, it } from "vitest";
import {
  AckQueue,
  ClientSalts,
  decodeContainer,
  decodePlainMessage,
  encodeContainer,
  encodePlainMessage,
  gzipInflateBounded,
  MAX_CONTAINER_MESSAGES,
  MessageRejectedError,
  MsgIdClock,
  ReplayWindow,
  SeqNoCounter,
  ServerSaltSchedule,
  wireDcId,
} from "../src/index.js";
import { gzipCompress } from "../src/core/gzip.js";
import { testClock } from "./helpers/env.js";

const TWO_32 = 2n ** 32n;

describe("MsgIdClock", () => {
  it("gives client ids divisible by 4, strictly increasing within one millisecond", () => {
    const clock = testClock();
    const ids = new MsgIdClock(clock.now, "client");
    const seen = [ids.next(), ids.next(), ids.next()];
    for (const id of seen) expect(id % 4n).toBe(0n);
    expect(seen[1]! > seen[0]!).toBe(true);
    expect(seen[2]! > seen[1]!).toBe(true);
    expect(MsgIdClock.secondsOf(seen[0]!)).toBe(Math.floor(clock.ms / 1000));
  });

  it("gives server ids 1 mod 4 for responses and 3 mod 4 otherwise", () => {
    const ids = new MsgIdClock(testClock().now, "server");
    expect(ids.next("response") % 4n).toBe(1n);
    expect(ids.next("other") % 4n).toBe(3n);
    const a = ids.next("response");
    expect(ids.next("response") > a).toBe(true);
  });

  it("corrects time from a server msg_id and from server_time", () => {
    const clock = testClock(1_000_000_000_000);
    const ids = new MsgIdClock(clock.now, "client");
    const serverSeconds = 1_000_000_500;
    ids.syncToMsgId(BigInt(serverSeconds) * TWO_32 + 1n);
    expect(MsgIdClock.secondsOf(ids.next())).toBe(serverSeconds);
    ids.syncToServerSeconds(1_000_000_100);
    expect(ids.serverNowSeconds()).toBe(1_000_000_100);
  });
});

describe("SeqNoCounter", () => {
  it("numbers content-related messages 2n+1 and others 2n", () => {
    const seq = new SeqNoCounter();
    expect([seq.next(false), seq.next(true), seq.next(true), seq.next(false), seq.next(true)]).toEqual([0, 1, 3, 4, 5]);
    seq.reset();
    expect(seq.next(true)).toBe(1);
  });
});

describe("ReplayWindow", () => {
  it("drops duplicates and ids below a full window", () => {
    const window = new ReplayWindow({ size: 3 });
    for (const id of [10n, 20n, 30n]) window.record(id);
    expect(() => {
      window.checkReplay(20n);
    }).toThrow(expect.objectContaining({ code: "MSG_ID_DUPLICATE" }));
    expect(() => {
      window.checkReplay(5n);
    }).toThrow(expect.objectContaining({ code: "MSG_ID_TOO_OLD" }));
    window.checkReplay(25n);
    window.record(40n); // evicts 10
    expect(window.has(10n)).toBe(false);
    expect(() => {
      window.checkReplay(15n);
    }).toThrow(MessageRejectedError);
  });

  it("keeps exactly the newest ids over many evictions, with out-of-order arrivals", () => {
    const window = new ReplayWindow({ size: 4 });
    // Ids arrive nearly sorted: every third pair is swapped.
    const ids: bigint[] = [];
    for (let i = 1; i <= 50; i++) ids.push(BigInt(i * 10));
    for (let i = 0; i + 1 < ids.length; i += 3) [ids[i], ids[i + 1]] = [ids[i + 1]!, ids[i]!];
    for (const id of ids) {
      window.checkReplay(id);
      window.record(id);
    }
    for (const id of [470n, 480n, 490n, 500n]) expect(window.has(id)).toBe(true);
    expect(window.has(460n)).toBe(false);
    expect(() => {
      window.checkReplay(465n);
    }).toThrow(expect.objectContaining({ code: "MSG_ID_TOO_OLD" }));
    expect(() => {
      window.checkReplay(490n);
    }).toThrow(expect.objectContaining({ code: "MSG_ID_DUPLICATE" }));
    window.checkReplay(475n); // inside the window and new
    window.clear();
    window.checkReplay(5n);
  });

  it("enforces the 30 s / 300 s time window", () => {
    const window = new ReplayWindow();
    const now = 1_700_000_000;
    const at = (s: number): bigint => BigInt(s) * TWO_32 + 1n;
    window.checkTime(at(now + 29), now);
    window.checkTime(at(now - 299), now);
    expect(() => {
      window.checkTime(at(now + 31), now);
    }).toThrow(expect.objectContaining({ code: "MSG_ID_TOO_NEW" }));
    expect(() => {
      window.checkTime(at(now - 301), now);
    }).toThrow(expect.objectContaining({ code: "MSG_ID_TOO_OLD" }));
  });
});

describe("salts", () => {
  it("client switches to a future salt once it is valid", () => {
    const salts = new ClientSalts(1n);
    salts.setFuture([
      { validSince: 100, validUntil: 200, salt: 2n },
      { validSince: 200, validUntil: 300, salt: 3n },
    ]);
    expect(salts.currentAt(50)).toBe(1n);
    expect(salts.currentAt(150)).toBe(2n);
    expect(salts.currentAt(250)).toBe(3n);
    expect(salts.coverageSeconds(250)).toBe(50);
  });

  it("server accepts the previous salt for 1800 s after it changes", () => {
    let next = 100n;
    const schedule = new ServerSaltSchedule(() => next++, 3600, 1800);
    const first = schedule.current(3600 * 10);
    const second = schedule.current(3600 * 11);
    expect(second).not.toBe(first);
    expect(schedule.isValid(first, 3600 * 11 + 1799)).toBe(true);
    expect(schedule.isValid(first, 3600 * 11 + 1800)).toBe(false);
    expect(schedule.future(3600 * 11, 3).map((s) => s.salt)[0]).toBe(second);
    expect(schedule.future(0, 1000)).toHaveLength(64);
  });
});

describe("AckQueue", () => {
  it("asks for a flush after 128 acks and takes at most 8192 at once", () => {
    const acks = new AckQueue();
    for (let i = 0; i < 127; i++) acks.push(BigInt(i));
    expect(acks.shouldFlush).toBe(false);
    acks.push(99n);
    expect(acks.shouldFlush).toBe(true);
    for (let i = 0; i < 9000; i++) acks.push(BigInt(i));
    expect(acks.take()).toHaveLength(8192);
    expect(acks.size).toBe(9128 - 8192);
  });
});

describe("plain messages", () => {
  it("round-trips 0(8) | msg_id | len | body and rejects a bad length", () => {
    const body = Uint8Array.of(1, 2, 3, 4);
    const packet = encodePlainMessage(0x65c53d500006_72d4n, body);
    expect(decodePlainMessage(packet)).toEqual({ msgId: 0x65c53d500006_72d4n, body });
    packet[16] = 200;
    expect(() => decodePlainMessage(packet)).toThrow(expect.objectContaining({ code: "BAD_LENGTH" }));
  });
});

describe("msg_container", () => {
  it("round-trips and rejects nesting, too many items and lying lengths", () => {
    const items = [
      { msgId: 4n, seqNo: 1, body: Uint8Array.of(1, 2, 3, 4) },
      { msgId: 8n, seqNo: 2, body: Uint8Array.of(5, 6, 7, 8, 9, 10, 11, 12) },
    ];
    const encoded = encodeContainer(items);
    expect(decodeContainer(encoded)).toEqual(items);

    const nested = encodeContainer([{ msgId: 12n, seqNo: 0, body: encoded }]);
    expect(() => decodeContainer(nested)).toThrow(expect.objectContaining({ code: "MALFORMED_BODY" }));

    const lying = encoded.slice();
    lying[8 + 12] = 0xff;
    expect(() => decodeContainer(lying)).toThrow(MessageRejectedError);

    const huge = encoded.slice(0, 8);
    new DataView(huge.buffer).setInt32(4, MAX_CONTAINER_MESSAGES + 1, true);
    expect(() => decodeContainer(huge)).toThrow(expect.objectContaining({ code: "MALFORMED_BODY" }));
  });
});

describe("gzip", () => {
  it("inflates within the bound and refuses a bomb before allocating", () => {
    const data = new Uint8Array(100_000).fill(7);
    const packed = gzipCompress(data);
    expect(gzipInflateBounded(packed)).toEqual(data);
    expect(() => gzipInflateBounded(packed, 50_000)).toThrow(expect.objectContaining({ code: "GZIP_TOO_LARGE" }));
    expect(() => gzipInflateBounded(new Uint8Array(30).fill(0))).toThrow(
      expect.objectContaining({ code: "GZIP_INVALID" }),
    );
  });
});

describe("wireDcId", () => {
  it("adds 10000 for test DCs and negates media DCs", () => {
    expect([
      wireDcId({ dcId: 2 }),
      wireDcId({ dcId: 2, testMode: true }),
      wireDcId({ dcId: 4, media: true }),
      wireDcId({ dcId: 1, testMode: true, media: true }),
    ]).toEqual([2, 10002, -4, -10001]);
  });
});
