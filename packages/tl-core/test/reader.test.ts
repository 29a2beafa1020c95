import { describe, expect, it } from "vitest";
import { apiRegistry } from "../src/api.js";
import { TlError } from "../src/runtime/errors.js";
import { MAX_DEPTH } from "../src/runtime/limits.js";
import { TlReader } from "../src/runtime/reader.js";
import { readInt } from "../src/runtime/element-readers.js";
import { TlWriter } from "../src/runtime/writer.js";
import { decodeObject, encodeObject } from "../src/runtime/codec.js";
import type { TlObject } from "../src/runtime/types.js";

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
const reader = (data: Uint8Array): TlReader => new TlReader(apiRegistry, data);
const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof TlError) return error.code;
    throw error;
  }
  return "none";
};

describe("TlReader / TlWriter primitives", () => {
  it("round-trips strings around the 254-byte header switch and checks padding", () => {
    for (const length of [0, 1, 3, 4, 253, 254, 255, 1000, 70_000]) {
      const text = "é".repeat(length >> 1) + "x".repeat(length & 1);
      const w = new TlWriter(apiRegistry, 16);
      w.string(text);
      const out = w.finish();
      expect(out.length % 4, `length ${length}`).toBe(0);
      const r = reader(out);
      expect(r.string()).toBe(text);
      r.expectEnd();
    }
  });

  it("writes UTF-8 for non-ASCII, surrogate pairs and lone surrogates like TextEncoder", () => {
    for (const text of ["привет", "😀 ok", "a\ud800b", "\udc00"]) {
      const w = new TlWriter(apiRegistry);
      w.string(text);
      const expected = new TextEncoder().encode(text);
      expect(w.finish().subarray(1, 1 + expected.length)).toEqual(expected);
      expect(w.finish()[0]).toBe(expected.length);
    }
  });

  it("reads int, long, double, int128, int256, Bool", () => {
    const w = new TlWriter(apiRegistry);
    w.int(-1);
    w.int(0xffffffff);
    w.long(-(2n ** 63n));
    w.double(-0);
    w.int128(new Uint8Array(16).fill(7));
    w.int256(new Uint8Array(32).fill(9));
    w.bool(true);
    const r = reader(w.finish());
    expect([r.int(), r.int(), r.long(), Object.is(r.double(), -0), r.int128()[0], r.int256()[31], r.bool()]).toEqual([
      -1,
      -1,
      -(2n ** 63n),
      true,
      7,
      9,
      true,
    ]);
    r.expectEnd();
  });

  it("gives TlError codes, offsets and expectations for bad input", () => {
    expect(code(() => reader(bytes(1, 2, 3)).int())).toBe("UNEXPECTED_END");
    expect(code(() => reader(bytes(255, 0, 0, 0)).string())).toBe("BAD_LENGTH");
    expect(code(() => reader(bytes(10, 65, 65, 65)).string())).toBe("UNEXPECTED_END");
    expect(code(() => reader(bytes(254, 0, 0)).bytes())).toBe("UNEXPECTED_END");
    expect(code(() => reader(bytes(1, 0, 0, 0)).bool())).toBe("UNEXPECTED_CONSTRUCTOR");
    expect(
      code(() => {
        reader(bytes(0, 0, 0, 0, 0)).expectEnd();
      }),
    ).toBe("TRAILING_BYTES");
    const unknown = (() => {
      try {
        reader(bytes(0xef, 0xbe, 0xad, 0xde)).object();
      } catch (error) {
        return error as TlError;
      }
      return undefined;
    })();
    expect(unknown?.message).toContain("0xdeadbeef");
    expect(unknown).toMatchObject({ code: "UNKNOWN_CONSTRUCTOR", offset: 0 });
  });

  it("checks a vector count against the bytes left before allocating", () => {
    // count 0x7fffffff with 4 bytes left
    const r = reader(bytes(0x15, 0xc4, 0xb5, 0x1c, 0xff, 0xff, 0xff, 0x7f, 0, 0, 0, 0));
    expect(() => r.vector(readInt)).toThrow(expect.objectContaining({ code: "BAD_LENGTH", offset: 4 }));
    expect(code(() => reader(bytes(0xff, 0xff, 0xff, 0xff)).bareVector(readInt))).toBe("BAD_LENGTH");
  });

  it(`bounds nesting at ${MAX_DEPTH} objects when reading and writing`, () => {
    // messageMediaWebPage -> webPageEmpty is shallow; use inputPeerUserFromMessage, which nests InputPeer.
    let peer: TlObject = { _: "inputPeerSelf" };
    for (let i = 0; i < MAX_DEPTH + 5; i++)
      peer = { _: "inputPeerUserFromMessage", peer, msgId: 1, userId: 2n } as TlObject;
    expect(code(() => encodeObject(apiRegistry, peer))).toBe("TOO_DEEP");
    const w = new TlWriter(apiRegistry);
    const header = new Uint8Array(
      encodeObject(apiRegistry, {
        _: "inputPeerUserFromMessage",
        peer: { _: "inputPeerSelf" },
        msgId: 1,
        userId: 2n,
      } as TlObject).subarray(0, 4),
    );
    for (let i = 0; i < MAX_DEPTH + 5; i++) w.raw(header);
    expect(code(() => decodeObject(apiRegistry, w.finish()))).toBe("TOO_DEEP");
  });

  it("rejects wrong JS values when writing with TlError", () => {
    const w = new TlWriter(apiRegistry);
    expect(
      code(() => {
        w.int(1.5);
      }),
    ).toBe("BAD_VALUE");
    expect(
      code(() => {
        w.int(2 ** 32);
      }),
    ).toBe("BAD_VALUE");
    expect(
      code(() => {
        w.long(1 as unknown as bigint);
      }),
    ).toBe("BAD_VALUE");
    expect(
      code(() => {
        w.int128(new Uint8Array(15));
      }),
    ).toBe("BAD_VALUE");
    expect(
      code(() => {
        w.object({ _: "noSuchThing" });
      }),
    ).toBe("UNKNOWN_NAME");
    expect(
      code(() => {
        w.object(null as unknown as TlObject);
      }),
    ).toBe("UNKNOWN_NAME");
    expect(code(() => encodeObject(apiRegistry, { _: "inputPeerUser", userId: 1n } as TlObject))).toBe("BAD_VALUE");
  });

  it("reads from a subarray and from a start..end range of a larger buffer", () => {
    const payload = encodeObject(apiRegistry, { _: "inputPeerUser", userId: 7n, accessHash: -1n } as TlObject);
    const big = new Uint8Array(payload.length + 11);
    big.set(payload, 5);
    expect(decodeObject(apiRegistry, big.subarray(5, 5 + payload.length))).toEqual({
      _: "inputPeerUser",
      userId: 7n,
      accessHash: -1n,
    });
    const ranged = new TlReader(apiRegistry, big, {}, 5, 5 + payload.length);
    expect(ranged.object()).toEqual({ _: "inputPeerUser", userId: 7n, accessHash: -1n });
    ranged.expectEnd();
    expect(code(() => new TlReader(apiRegistry, big, {}, 0, big.length + 1))).toBe("BAD_LENGTH");
    expect(code(() => new TlReader(apiRegistry, big, {}, 4, 2))).toBe("BAD_LENGTH");
  });

  it("a cyclic object gives TOO_DEEP, not a stack overflow", () => {
    const cyclic = { _: "inputPeerUserFromMessage", msgId: 1, userId: 2n } as { _: string; peer?: unknown };
    cyclic.peer = cyclic;
    expect(code(() => encodeObject(apiRegistry, cyclic as TlObject))).toBe("TOO_DEEP");
  });
});
