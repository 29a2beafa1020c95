import { ByteQueue } from "../codec/byte-queue.js";
import { TransportError } from "../codec/errors.js";
import {
  DEFAULT_MAX_PACKET_LENGTH,
  type Frame,
  type FrameCodec,
  type FrameCodecOptions,
  type Role,
} from "../codec/frame.js";
import { statusFrameOf, statusPayload } from "../codec/status.js";

const QUICK_ACK_BIT = 0x80;
const LONG_HEADER = 0x7f;

/**
 * Abridged framing (`0xef`): length/4 in one byte (< 0x7f), else 0x7f + 3-byte LE length/4.
 * A quick-ack request sets the MSB of the first byte; the server's quick-ack answer is the token
 * byte-swapped (big-endian), so its first byte has the MSB set and cannot be a length byte.
 * https://core.telegram.org/mtproto/mtproto-transports#abridged
 */
export class AbridgedCodec implements FrameCodec {
  readonly protocol = "abridged";
  readonly role: Role;
  readonly supportsQuickAck = true;
  private readonly maxPacketLength: number;
  private readonly queue = new ByteQueue();
  /** Header plus announced length of the frame being received, once its header is in (else 0). */
  private announced = 0;

  constructor(options: FrameCodecOptions) {
    this.role = options.role;
    this.maxPacketLength = options.maxPacketLength ?? DEFAULT_MAX_PACKET_LENGTH;
  }

  encodePacket(packet: Uint8Array, quickAck = false): Uint8Array {
    const [header] = this.encodePacketParts(packet, quickAck);
    const out = new Uint8Array(header!.length + packet.length);
    out.set(header!, 0);
    out.set(packet, header!.length);
    return out;
  }

  encodePacketParts(packet: Uint8Array, quickAck = false): Uint8Array[] {
    if (packet.length % 4 !== 0) {
      throw new TransportError("INVALID_ARGUMENT", `abridged packets are a multiple of 4 bytes, got ${packet.length}`, {
        length: packet.length,
      });
    }
    if (packet.length > this.maxPacketLength) {
      throw new TransportError("PACKET_TOO_LONG", `packet of ${packet.length} bytes exceeds ${this.maxPacketLength}`, {
        length: packet.length,
      });
    }
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

  encodeStatus(status: number): Uint8Array {
    return this.encodePacket(statusPayload(status));
  }

  /**
   * What the frame being received holds or will hold: its announced size counts from its header
   * on, so a shared budget refuses a frame before its body is read, not after.
   */
  get bufferedLength(): number {
    return Math.max(this.queue.length, this.announced);
  }

  decode(bytes: Uint8Array): Frame[] {
    this.queue.push(bytes);
    this.announced = 0;
    const frames: Frame[] = [];
    while (this.queue.length >= 1) {
      const first = this.queue.byteAt(0);
      const flagged = (first & QUICK_ACK_BIT) !== 0;
      if (flagged && this.role === "client") {
        if (this.queue.length < 4) break;
        const b = this.queue.take(4);
        frames.push({ kind: "quickAck", token: ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0 });
        continue;
      }
      const short = first & ~QUICK_ACK_BIT;
      let headerLength = 1;
      let words = short;
      if (short === LONG_HEADER) {
        if (this.queue.length < 4) break;
        headerLength = 4;
        words = this.queue.byteAt(1) | (this.queue.byteAt(2) << 8) | (this.queue.byteAt(3) << 16);
      }
      const length = words * 4;
      if (length > this.maxPacketLength) {
        throw new TransportError("PACKET_TOO_LONG", `announced length ${length} exceeds ${this.maxPacketLength}`, {
          length,
        });
      }
      if (this.queue.length < headerLength + length) {
        this.announced = headerLength + length;
        break;
      }
      this.queue.skip(headerLength);
      const payload = this.queue.take(length);
      frames.push(
        (this.role === "client" ? statusFrameOf(payload) : undefined) ?? {
          kind: "packet",
          payload,
          quickAckRequested: flagged,
        },
      );
    }
    return frames;
  }
}
