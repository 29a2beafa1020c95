import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { concatAll, concatBytes } from "@mtkit/mtproto-crypto/bytes";
import type { FramingProtocol, Role } from "../src/codec/frame.js";
import { createFrameCodec } from "../src/framing/create.js";
import { testCrypto } from "./helpers/crypto.js";
import { hexOf, mtprotoPacket, payloads, splitAt } from "./helpers/packets.js";

const crypto = testCrypto();
const protocols: FramingProtocol[] = ["abridged", "intermediate", "padded", "full"];
const codec = (protocol: FramingProtocol, role: Role) =>
  createFrameCodec(protocol, { role, randomFill: (out) => crypto.randomFill(out) });

describe.each(protocols)("%s framing", (protocol) => {
  for (const [from, to] of [
    ["client", "server"],
    ["server", "client"],
  ] as const) {
    it(`${from} -> ${to}: whole, byte by byte and random splits give the same packets`, () => {
      fc.assert(
        fc.property(
          fc.array(mtprotoPacket, { minLength: 1, maxLength: 6 }),
          fc.array(fc.nat(), { maxLength: 12 }),
          (packets, cuts) => {
            const sender = codec(protocol, from);
            const wire = concatAll(packets.map((p) => sender.encodePacket(p)));
            const whole = payloads(codec(protocol, to).decode(wire));
            const bytewise = codec(protocol, to);
            const byByte = payloads(Array.from(wire).flatMap((b) => bytewise.decode(Uint8Array.of(b))));
            const splitter = codec(protocol, to);
            const split = payloads(splitAt(wire, cuts).flatMap((part) => splitter.decode(part)));
            const expected = hexOf(packets);
            expect(whole).toEqual(expected);
            expect(byByte).toEqual(expected);
            expect(split).toEqual(expected);
          },
        ),
        { numRuns: 60 },
      );
    });
  }

  it("carries packets across the long-header / large boundary (512 KiB)", () => {
    // 24 + 16k bytes: the shape of an encrypted message, so padded intermediate trims exactly.
    const big = new Uint8Array(512 * 1024 + 24).map((_, i) => (i * 13) | 1);
    const decoded = payloads(codec(protocol, "server").decode(codec(protocol, "client").encodePacket(big)));
    expect(decoded).toEqual(hexOf([big]));
  });
});

describe("quick acks", () => {
  it.each(["abridged", "intermediate", "padded"] as const)(
    "%s: request flag reaches the server, answer reaches the client",
    (protocol) => {
      const client = codec(protocol, "client");
      const server = codec(protocol, "server");
      const packet = new Uint8Array(72).fill(7);
      const [received] = server.decode(client.encodePacket(packet, true));
      expect(received).toEqual({ kind: "packet", payload: packet, quickAckRequested: true });
      const token = 0x8123abcd;
      expect(client.decode(server.encodeQuickAck(token))).toEqual([{ kind: "quickAck", token }]);
    },
  );

  it("abridged quick-ack answers are byte-swapped on the wire", () => {
    expect(Array.from(codec("abridged", "server").encodeQuickAck(0x81020304))).toEqual([0x81, 0x02, 0x03, 0x04]);
    expect(Array.from(codec("intermediate", "server").encodeQuickAck(0x81020304))).toEqual([0x04, 0x03, 0x02, 0x81]);
  });

  it("the full transport has none", () => {
    expect(() => codec("full", "server").encodeQuickAck(1)).toThrow(
      expect.objectContaining({ code: "INVALID_STATE" }) as Error,
    );
  });

  it("padded intermediate also reads the short -1 | token | pad answer", () => {
    const payload = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x04, 0x03, 0x02, 0x81, 9, 9);
    const wire = concatBytes(Uint8Array.of(payload.length, 0, 0, 0), payload);
    expect(codec("padded", "client").decode(wire)).toEqual([{ kind: "quickAck", token: 0x81020304 }]);
  });
});

describe("full transport seq and crc", () => {
  it("counts seq per direction from 0", () => {
    const client = codec("full", "client");
    const a = client.encodePacket(new Uint8Array(8));
    const b = client.encodePacket(new Uint8Array(8));
    expect(new DataView(a.buffer).getUint32(4, true)).toBe(0);
    expect(new DataView(b.buffer).getUint32(4, true)).toBe(1);
    expect(new DataView(a.buffer).getUint32(0, true)).toBe(20);
  });
});
