import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  exportSessionFromStorage,
  exportStringSession,
  importSessionIntoStorage,
  importStringSession,
  MemoryStorage,
  StringSessionError,
  type StringSessionData,
} from "../src/index.js";
import { decodeBase64Url, encodeBase64Url } from "../src/storage/string-session/base64url.js";

const authKey = Uint8Array.from({ length: 256 }, (_, i) => (i * 7) & 0xff);
const sample: StringSessionData = {
  dc: { id: 2, ip: "149.154.167.51", port: 443 },
  authKey,
  self: { userId: 123456789n, isBot: false },
};

function codeOf(text: string): string | undefined {
  try {
    importStringSession(text);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(StringSessionError);
    return (error as StringSessionError).code;
  }
}

describe("base64url", () => {
  it("matches Node's encoder and round-trips any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = encodeBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString("base64url"));
        expect(decodeBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  it("rejects characters outside the alphabet, impossible lengths and non-zero leftover bits", () => {
    expect(decodeBase64Url("ab+c")).toBeNull();
    expect(decodeBase64Url("abcd=")).toBeNull();
    expect(decodeBase64Url("abcde")).toBeNull();
    expect(decodeBase64Url("AA")).toEqual(new Uint8Array([0]));
    expect(decodeBase64Url("AB")).toBeNull();
  });
});

describe("string sessions", () => {
  it("round-trip dc, address, flags, auth key and self", () => {
    expect(importStringSession(exportStringSession(sample))).toEqual(sample);
    const v6: StringSessionData = {
      dc: { id: 5, ip: "2001:b28:f23f:f005::a", port: 80, ipv6: true, testMode: true, mediaOnly: true },
      authKey,
    };
    expect(importStringSession(exportStringSession(v6))).toEqual(v6);
    expect(importStringSession(`  ${exportStringSession(v6)}\n`)).toEqual(v6);
  });

  it("round-trip the account's update state, with or without self; out-of-range state is refused", () => {
    const updates = { pts: 2_147_483_647, qts: 0, date: 1_700_000_000, seq: -1 };
    expect(importStringSession(exportStringSession({ ...sample, updates }))).toEqual({ ...sample, updates });
    const withoutSelf = { dc: sample.dc, authKey: sample.authKey };
    expect(importStringSession(exportStringSession({ ...withoutSelf, updates }))).toEqual({ ...withoutSelf, updates });
    expect(() => exportStringSession({ ...sample, updates: { ...updates, pts: 2 ** 31 } })).toThrow(StringSessionError);
    // Cut off inside the state: a typed TRUNCATED, not a wrong state.
    const bytes = decodeBase64Url(exportStringSession({ ...sample, updates }))!;
    expect(() => importStringSession(encodeBase64Url(bytes.subarray(0, bytes.length - 3)))).toThrow(
      expect.objectContaining({ code: "TRUNCATED" }),
    );
  });

  it("round-trip arbitrary valid sessions (property)", () => {
    const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
    const data = fc.record(
      {
        dc: fc.record({
          id: fc.integer({ min: 1, max: 0xffff }),
          ip: fc.ipV4(),
          port: fc.integer({ min: 1, max: 0xffff }),
        }),
        authKey: fc.uint8Array({ minLength: 256, maxLength: 256 }),
        self: fc.record({ userId: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), isBot: fc.boolean() }),
        updates: fc.record({ pts: int32, qts: int32, date: int32, seq: int32 }),
      },
      { requiredKeys: ["dc", "authKey"] },
    );
    fc.assert(
      fc.property(data, (session) => {
        expect(importStringSession(exportStringSession(session))).toEqual(session);
      }),
    );
  });

  it("is versioned: the first byte is 1 and other versions are refused", () => {
    const bytes = Buffer.from(exportStringSession(sample), "base64url");
    expect(bytes[0]).toBe(1);
    bytes[0] = 2;
    expect(codeOf(bytes.toString("base64url"))).toBe("UNSUPPORTED_VERSION");
  });

  it("rejects garbage with a typed error", () => {
    const good = Buffer.from(exportStringSession(sample), "base64url");
    expect(codeOf("")).toBe("TRUNCATED");
    expect(codeOf("not a session!")).toBe("BAD_ENCODING");
    expect(codeOf("A".repeat(5000))).toBe("TOO_LONG");
    expect(codeOf(good.subarray(0, 100).toString("base64url"))).toBe("TRUNCATED");
    expect(codeOf(good.subarray(0, good.length - 1).toString("base64url"))).toBe("TRUNCATED");
    expect(codeOf(Buffer.concat([good, Buffer.from([0])]).toString("base64url"))).toBe("TRAILING_BYTES");
    const badFlags = Buffer.from(good);
    badFlags[1] = 0x80;
    expect(codeOf(badFlags.toString("base64url"))).toBe("BAD_FIELD");
    const badIp = Buffer.from(good);
    badIp[5] = 0x20;
    expect(codeOf(badIp.toString("base64url"))).toBe("BAD_FIELD");
  });

  it("never throws anything but StringSessionError on random input (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 800 }),
          fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b).toString("base64url")),
        ),
        (text) => {
          codeOf(text);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("refuses to export what it could not import", () => {
    expect(() => exportStringSession({ ...sample, authKey: new Uint8Array(10) })).toThrow(StringSessionError);
    expect(() => exportStringSession({ ...sample, dc: { id: 2, ip: "bad host\n", port: 443 } })).toThrow(
      StringSessionError,
    );
    expect(() => exportStringSession({ ...sample, dc: { id: 0, ip: "1.1.1.1", port: 443 } })).toThrow(
      StringSessionError,
    );
    expect(() => exportStringSession({ ...sample, dc: { id: 1, ip: "1.1.1.1", port: 70000 } })).toThrow(
      StringSessionError,
    );
  });

  it("move a login between storages", async () => {
    const source = new MemoryStorage();
    await expect(exportSessionFromStorage(source)).rejects.toBeInstanceOf(StringSessionError);
    await importSessionIntoStorage(source, exportStringSession(sample));
    const text = await exportSessionFromStorage(source);
    const target = new MemoryStorage();
    await importSessionIntoStorage(target, text);
    expect(await target.authKeys.getPermanent(2)).toEqual(authKey);
    expect(await target.session.getHomeDc()).toEqual(sample.dc);
    expect(await target.session.getSelf()).toEqual(sample.self);
    expect(await target.updates.get()).toBeNull();
    await source.updates.set({ pts: 10, qts: 2, date: 1_700_000_000, seq: 3 });
    const withState = new MemoryStorage();
    await importSessionIntoStorage(withState, await exportSessionFromStorage(source));
    expect(await withState.updates.get()).toEqual({ pts: 10, qts: 2, date: 1_700_000_000, seq: 3 });
  });
});
