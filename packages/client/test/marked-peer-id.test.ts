import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { markPeerId, unmarkPeerId } from "../src/index.js";

// Ranges from https://core.telegram.org/api/bots/ids
describe("Bot API (marked) peer ids", () => {
  it("maps the documented examples", () => {
    expect(markPeerId("user", 777000n)).toBe(777000n);
    expect(markPeerId("chat", 123n)).toBe(-123n);
    expect(markPeerId("channel", 1234567890n)).toBe(-1001234567890n);
    expect(unmarkPeerId(-1001234567890n)).toEqual({ kind: "channel", id: 1234567890n });
    expect(unmarkPeerId(-999_999_999_999n)).toEqual({ kind: "chat", id: 999_999_999_999n });
    expect(unmarkPeerId(0xff_ffff_ffffn)).toEqual({ kind: "user", id: 0xff_ffff_ffffn });
  });

  it("round-trips every id in range (property)", () => {
    const ranges = fc.oneof(
      fc.tuple(fc.constant("user" as const), fc.bigInt({ min: 1n, max: 0xff_ffff_ffffn })),
      fc.tuple(fc.constant("chat" as const), fc.bigInt({ min: 1n, max: 999_999_999_999n })),
      fc.tuple(fc.constant("channel" as const), fc.bigInt({ min: 1n, max: 3_000_000_000_000n })),
    );
    fc.assert(
      fc.property(ranges, ([kind, id]) => {
        expect(unmarkPeerId(markPeerId(kind, id))).toEqual({ kind, id });
      }),
    );
  });

  it("rejects ids outside every range", () => {
    for (const bad of [0n, 0x100_0000_0000n, -1_000_000_000_000n, -4_000_000_000_001n]) {
      expect(() => unmarkPeerId(bad)).toThrow(expect.objectContaining({ code: "PEER_NOT_FOUND" }));
    }
  });
});
