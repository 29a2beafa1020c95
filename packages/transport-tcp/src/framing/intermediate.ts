import { ByteQueue } from "../codec/byte-queue.js";
import { readInt32LE, readUint32LE, writeUint32LE } from "@mtkit/mtproto-crypto/bytes";
import { TransportError } from "../codec/errors.js";
import {
  DEFAULT_MAX_PACKET_LENGTH,
  type Frame,
  type FrameCodec,
  type FrameCodecOptions,
  type Role,
} from "../codec/frame.js";
import { statusFrameOf, statusPayload } from "../codec/status.js";
import { trimMtprotoPadding } from "./padding.js";

const QUICK_ACK_BIT = 0x80000000;

/**
 * Intermediate (`0xeeeeeeee`) and padded intermediate (`0xdddddddd`) framing:
 * int32 LE length, then the payload (padded: plus 0..15 random bytes counted in the length).
 * https://core.telegram.org/mtproto/mtproto-transports#intermediate
 * https://core.telegram.org/mtproto/mtproto-transports#padded-intermediate
 */
export class IntermediateCodec implements FrameCodec {
  readonly protocol: "intermediate" | "padded";
  readonly role: Role;
  readonly supportsQuickAck = true;
  private readonly maxPacketLength: number;
  private readonly randomFill: ((out: Uint8Array) => Uint8Array) | undefined;
  private readonly queue = new ByteQueue();
  /** Header plus announced length of the frame being received, once its header is in (else 0). */
  private announced = 0;

  constructor(options: FrameCodecOptions & { readonly padded?: boolean }) {
    this.protocol = options.padded === true ? "padded" : "intermediate";
    this.role = options.role;
    this.maxPacketLength = options.maxPacketLength ?? DEFAULT_MAX_PACKET_LENGTH;
    this.randomFill = options.randomFill;
    if (this.protocol === "padded" && this.randomFill === undefined) {
      throw new TransportError("INVALID_ARGUMENT", "padded intermediate needs randomFill for its padding");
    }
  }

  encodePacket(packet: Uint8Array, quickAck = false): Uint8Array {
    const [header, , padding] = this.encodePacketParts(packet, quickAck);
    const out = new Uint8Array(4 + packet.length + (padding?.length ?? 0));
    out.set(header!, 0);
    out.set(packet, 4);
    if (padding !== undefined) out.set(padding, 4 + packet.length);
    return out;
  }

  encodePacketParts(packet: Uint8Array, quickAck = false): Uint8Array[] {
    const padding = this.protocol === "padded" ? this.paddingLength() : 0;
    const length = packet.length + padding;
    if (length > this.maxPacketLength) {
      throw new TransportError("PACKET_TOO_LONG", `packet of ${packet.length} bytes exceeds ${this.maxPacketLength}`, {
        length,
      });
    }
    const header = new Uint8Array(4);
    writeUint32LE(header, 0, quickAck ? (length | QUICK_ACK_BIT) >>> 0 : length);
    return padding > 0 ? [header, packet, this.randomFill!(new Uint8Array(padding))] : [header, packet];
  }

  /** The quick-ack answer replaces the length field by the token with its MSB set. */
  encodeQuickAck(token: number): Uint8Array {
    const out = new Uint8Array(4);
    writeUint32LE(out, 0, (token | QUICK_ACK_BIT) >>> 0);
    return out;
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
    while (this.queue.length >= 4) {
      const raw = this.queue.uint32At(0);
      const flagged = (raw & QUICK_ACK_BIT) !== 0;
      if (flagged && this.role === "client") {
        this.queue.skip(4);
        frames.push({ kind: "quickAck", token: raw });
        continue;
      }
      const length = raw & ~QUICK_ACK_BIT;
      if (length > this.maxPacketLength) {
        throw new TransportError("PACKET_TOO_LONG", `announced length ${length} exceeds ${this.maxPacketLength}`, {
          length,
        });
      }
      if (this.queue.length < 4 + length) {
        this.announced = 4 + length;
        break;
      }
      this.queue.skip(4);
      frames.push(this.frameOf(this.queue.take(length), flagged));
    }
    return frames;
  }

  private frameOf(payload: Uint8Array, quickAckRequested: boolean): Frame {
    if (this.role === "client") {
      // Some servers answer a quick ack on padded intermediate as a short packet -1 | token | pad.
      if (this.protocol === "padded" && payload.length >= 8 && payload.length <= 16 && readInt32LE(payload, 0) === -1) {
        return { kind: "quickAck", token: readUint32LE(payload, 4) };
      }
      const status = statusFrameOf(payload);
      if (status !== undefined) return status;
    }
    const exact = this.protocol === "padded" ? trimMtprotoPadding(payload) : payload;
    return { kind: "packet", payload: exact, quickAckRequested };
  }

  private paddingLength(): number {
    return this.randomFill!(new Uint8Array(1))[0]! % 16;
  }
}
