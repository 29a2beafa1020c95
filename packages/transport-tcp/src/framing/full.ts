import { readUint32LE, writeUint32LE } from "@mtkit/mtproto-crypto/bytes";
import { crc32 } from "../codec/crc32.js";
import { TransportError } from "../codec/errors.js";
import type { Frame } from "../codec/frame.js";
import { StreamFrameCodec } from "./stream-codec.js";

const OVERHEAD = 12;

/**
 * Full framing: len (payload + 12) | seq | payload | crc32, all int32 LE, no tag. Each direction
 * counts its own seq from 0; a wrong seq or CRC is rejected. There is no quick ack here.
 * https://core.telegram.org/mtproto/mtproto-transports#full
 */
export class FullCodec extends StreamFrameCodec {
  readonly protocol = "full";
  readonly supportsQuickAck = false;
  private sendSeq = 0;
  private receiveSeq = 0;

  /** `quickAck` is ignored: the full transport has no way to ask for one. */
  encodePacket(packet: Uint8Array): Uint8Array {
    // nextFrame() refuses lengths that are not a multiple of 4 (every MTProto packet is), so encode
    // refuses to produce them rather than send a frame the peer must drop.
    this.checkAligned(packet);
    this.checkLength(packet.length, true);
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

  protected nextFrame(): Frame | undefined {
    const queue = this.queue;
    if (queue.length < 4) return undefined;
    const total = queue.uint32At(0);
    if (total < OVERHEAD || total % 4 !== 0) {
      throw new TransportError("BAD_LENGTH", `full transport length ${total} is invalid`, { length: total });
    }
    this.checkLength(total - OVERHEAD, false);
    if (queue.length < total) {
      this.awaitFrame(total);
      return undefined;
    }
    const packet = queue.take(total);
    const expectedCrc = crc32(packet, 0, total - 4);
    const actualCrc = readUint32LE(packet, total - 4);
    if (expectedCrc !== actualCrc) {
      throw new TransportError("BAD_CRC", "full transport CRC32 mismatch", {
        expected: expectedCrc,
        actual: actualCrc,
      });
    }
    const seq = readUint32LE(packet, 4);
    if (seq !== this.receiveSeq) {
      throw new TransportError("BAD_SEQ", `full transport seq ${seq}, expected ${this.receiveSeq}`, {
        expected: this.receiveSeq,
        actual: seq,
      });
    }
    this.receiveSeq = (this.receiveSeq + 1) >>> 0;
    return this.packetFrame(packet.subarray(8, total - 4), false);
  }
}
