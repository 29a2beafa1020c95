import { ByteQueue } from "../codec/byte-queue.js";
import { readUint32LE, writeUint32LE } from "@mtkit/mtproto-crypto/bytes";
import { crc32 } from "../codec/crc32.js";
import { TransportError } from "../codec/errors.js";
import {
  DEFAULT_MAX_PACKET_LENGTH,
  type Frame,
  type FrameCodec,
  type FrameCodecOptions,
  type Role,
} from "../codec/frame.js";
import { statusFrameOf, statusPayload } from "../codec/status.js";

const OVERHEAD = 12;

/**
 * Full framing: len (payload + 12) | seq | payload | crc32, all int32 LE, no tag. Each direction
 * counts its own seq from 0; a wrong seq or CRC is rejected. There is no quick ack here.
 * https://core.telegram.org/mtproto/mtproto-transports#full
 */
export class FullCodec implements FrameCodec {
  readonly protocol = "full";
  readonly role: Role;
  readonly supportsQuickAck = false;
  private readonly maxPacketLength: number;
  private readonly queue = new ByteQueue();
  /** Header plus announced length of the frame being received, once its header is in (else 0). */
  private announced = 0;
  private sendSeq = 0;
  private receiveSeq = 0;

  constructor(options: FrameCodecOptions) {
    this.role = options.role;
    this.maxPacketLength = options.maxPacketLength ?? DEFAULT_MAX_PACKET_LENGTH;
  }

  /** `quickAck` is ignored: the full transport has no way to ask for one. */
  encodePacket(packet: Uint8Array): Uint8Array {
    // decode() refuses lengths that are not a multiple of 4 (every MTProto packet is), so encode
    // refuses to produce them rather than send a frame the peer must drop.
    if (packet.length % 4 !== 0) {
      throw new TransportError(
        "INVALID_ARGUMENT",
        `full transport packets are a multiple of 4 bytes, got ${packet.length}`,
        { length: packet.length },
      );
    }
    if (packet.length > this.maxPacketLength) {
      throw new TransportError("PACKET_TOO_LONG", `packet of ${packet.length} bytes exceeds ${this.maxPacketLength}`, {
        length: packet.length,
      });
    }
    const total = packet.length + OVERHEAD;
    const out = new Uint8Array(total);
    writeUint32LE(out, 0, total);
    writeUint32LE(out, 4, this.sendSeq);
    this.sendSeq = (this.sendSeq + 1) >>> 0;
    out.set(packet, 8);
    writeUint32LE(out, total - 4, crc32(out, 0, total - 4));
    return out;
  }

  encodeQuickAck(): Uint8Array {
    throw new TransportError("INVALID_STATE", "the full transport has no quick acks");
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
      const total = this.queue.uint32At(0);
      if (total < OVERHEAD || total % 4 !== 0) {
        throw new TransportError("BAD_LENGTH", `full transport length ${total} is invalid`, { length: total });
      }
      if (total - OVERHEAD > this.maxPacketLength) {
        throw new TransportError(
          "PACKET_TOO_LONG",
          `announced length ${total - OVERHEAD} exceeds ${this.maxPacketLength}`,
          { length: total - OVERHEAD },
        );
      }
      if (this.queue.length < total) {
        this.announced = total;
        break;
      }
      const packet = this.queue.take(total);
      const expectedCrc = crc32(packet, 0, total - 4);
      const actualCrc = readUint32LE(packet, total - 4);
      if (expectedCrc !== actualCrc)
        throw new TransportError("BAD_CRC", "full transport CRC32 mismatch", {
          expected: expectedCrc,
          actual: actualCrc,
        });
      const seq = readUint32LE(packet, 4);
      if (seq !== this.receiveSeq)
        throw new TransportError("BAD_SEQ", `full transport seq ${seq}, expected ${this.receiveSeq}`, {
          expected: this.receiveSeq,
          actual: seq,
        });
      this.receiveSeq = (this.receiveSeq + 1) >>> 0;
      const payload = packet.subarray(8, total - 4);
      frames.push(
        (this.role === "client" ? statusFrameOf(payload) : undefined) ?? {
          kind: "packet",
          payload,
          quickAckRequested: false,
        },
      );
    }
    return frames;
  }
}
