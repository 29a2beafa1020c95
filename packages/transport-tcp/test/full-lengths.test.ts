import { describe, expect, it } from "vitest";
import { TransportError } from "../src/codec/errors.js";
import { FullCodec } from "../src/framing/full.js";

// https://core.telegram.org/mtproto/mtproto-transports#full: encode and decode agree on which
// lengths exist. Every MTProto packet is a multiple of 4 bytes; decode refuses anything else, so
// encode must refuse it too instead of sending a frame the peer drops.
const code = (expected: string) => (error: unknown) => error instanceof TransportError && error.code === expected;

describe("full transport lengths", () => {
  it("refuses to encode payloads that are not a multiple of 4, with a typed error", () => {
    const client = new FullCodec({ role: "client" });
    for (const length of [1, 2, 3, 5, 13, 1021]) {
      let caught: unknown;
      try {
        client.encodePacket(new Uint8Array(length));
      } catch (error) {
        caught = error;
      }
      expect(code("INVALID_ARGUMENT")(caught), `length ${length}`).toBe(true);
    }
  });

  it("a refused payload does not advance seq: the next packet still decodes", () => {
    const client = new FullCodec({ role: "client" });
    const server = new FullCodec({ role: "server" });
    expect(() => client.encodePacket(new Uint8Array(7))).toThrow(TransportError);
    for (const length of [0, 4, 8, 1024]) {
      const packet = new Uint8Array(length).map((_, i) => (i * 7 + length) & 0xff);
      expect(server.decode(client.encodePacket(packet))).toEqual([
        { kind: "packet", payload: packet, quickAckRequested: false },
      ]);
    }
  });
});
