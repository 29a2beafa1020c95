import { readInt32LE, readUint32LE, writeUint32LE } from "@mtkit/mtproto-crypto/bytes";
import { TransportError } from "../codec/errors.js";
import type { Frame, FrameCodecOptions } from "../codec/frame.js";
import { trimMtprotoPadding } from "./padding.js";
import { StreamFrameCodec } from "./stream-codec.js";

const QUICK_ACK_BIT = 0x80000000;

/**
 * Intermediate (`0xeeeeeeee`) and padded intermediate (`0xdddddddd`) framing:
 * int32 LE length, then the payload (padded: plus 0..15 random bytes counted in the length).
 * https://core.telegram.org/mtproto/mtproto-transports#intermediate
 * https://core.telegram.org/mtproto/mtproto-transports#padded-intermediate
 */
export class IntermediateCodec extends StreamFrameCodec {
  readonly protocol: "intermediate" | "padded";
  readonly supportsQuickAck = true;
  private readonly randomFill: ((out: Uint8Array) => Uint8Array) | undefined;

  constructor(options: FrameCodecOptions & { readonly padded?: boolean }) {
    super(options);
    this.protocol = options.padded === true ? "padded" : "intermediate";
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
    this.checkLength(length, true);
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

  protected nextFrame(): Frame | undefined {
    const queue = this.queue;
    if (queue.length < 4) return undefined;
    const raw = queue.uint32At(0);
    const flagged = (raw & QUICK_ACK_BIT) !== 0;
    if (flagged && this.role === "client") {
      queue.skip(4);
      return { kind: "quickAck", token: raw };
    }
    const length = raw & ~QUICK_ACK_BIT;
    this.checkLength(length, false);
    if (queue.length < 4 + length) {
      this.awaitFrame(4 + length);
      return undefined;
    }
    queue.skip(4);
    return this.frameOf(queue.take(length), flagged);
  }

  private frameOf(payload: Uint8Array, quickAckRequested: boolean): Frame {
    // Some servers answer a quick ack on padded intermediate as a short packet -1 | token | pad.
    if (this.role === "client" && this.protocol === "padded" && payload.length >= 8 && payload.length <= 16) {
      if (readInt32LE(payload, 0) === -1) return { kind: "quickAck", token: readUint32LE(payload, 4) };
    }
    // A transport error is 4 bytes, so it is looked for before padding is trimmed.
    const frame = this.packetFrame(payload, quickAckRequested);
    if (frame.kind !== "packet" || this.protocol !== "padded") return frame;
    return { kind: "packet", payload: trimMtprotoPadding(payload), quickAckRequested };
  }

  private paddingLength(): number {
    return this.randomFill!(new Uint8Array(1))[0]! % 16;
  }
}
