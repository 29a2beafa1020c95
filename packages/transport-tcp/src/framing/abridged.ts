import type { Frame } from "../codec/frame.js";
import { StreamFrameCodec } from "./stream-codec.js";

const QUICK_ACK_BIT = 0x80;
const LONG_HEADER = 0x7f;

/**
 * Abridged framing (`0xef`): length/4 in one byte (< 0x7f), else 0x7f + 3-byte LE length/4.
 * A quick-ack request sets the MSB of the first byte; the server's quick-ack answer is the token
 * byte-swapped (big-endian), so its first byte has the MSB set and cannot be a length byte.
 * https://core.telegram.org/mtproto/mtproto-transports#abridged
 */
export class AbridgedCodec extends StreamFrameCodec {
  readonly protocol = "abridged";
  readonly supportsQuickAck = true;

  encodePacket(packet: Uint8Array, quickAck = false): Uint8Array {
    const [header] = this.encodePacketParts(packet, quickAck);
    const out = new Uint8Array(header!.length + packet.length);
    out.set(header!, 0);
    out.set(packet, header!.length);
    return out;
  }

  encodePacketParts(packet: Uint8Array, quickAck = false): Uint8Array[] {
    this.checkAligned(packet);
    this.checkLength(packet.length, true);
    const words = packet.length / 4;
    const flag = quickAck ? QUICK_ACK_BIT : 0;
    const header =
      words < LONG_HEADER
        ? Uint8Array.of(words | flag)
        : Uint8Array.of(LONG_HEADER | flag, words & 0xff, (words >>> 8) & 0xff, (words >>> 16) & 0xff);
    return [header, packet];
  }

  encodeQuickAck(token: number): Uint8Array {
    const value = (token | 0x80000000) >>> 0;
    return Uint8Array.of(value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
  }

  protected nextFrame(): Frame | undefined {
    const queue = this.queue;
    if (queue.length < 1) return undefined;
    const first = queue.byteAt(0);
    const flagged = (first & QUICK_ACK_BIT) !== 0;
    if (flagged && this.role === "client") {
      if (queue.length < 4) return undefined;
      const b = queue.take(4);
      return { kind: "quickAck", token: ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0 };
    }
    const short = first & ~QUICK_ACK_BIT;
    let headerLength = 1;
    let words = short;
    if (short === LONG_HEADER) {
      if (queue.length < 4) return undefined;
      headerLength = 4;
      words = queue.byteAt(1) | (queue.byteAt(2) << 8) | (queue.byteAt(3) << 16);
    }
    const length = words * 4;
    this.checkLength(length, false);
    if (queue.length < headerLength + length) {
      this.awaitFrame(headerLength + length);
      return undefined;
    }
    queue.skip(headerLength);
    return this.packetFrame(queue.take(length), flagged);
  }
}
