import { ByteQueue } from "../codec/byte-queue.js";
import { TransportError } from "../codec/errors.js";
import {
  DEFAULT_MAX_PACKET_LENGTH,
  type Frame,
  type FrameCodec,
  type FrameCodecOptions,
  type FramingProtocol,
  type Role,
} from "../codec/frame.js";
import { statusFrameOf, statusPayload } from "../codec/status.js";

/**
 * What the three TCP framings share: a byte queue of what was received, the size a partial frame
 * announced (for memory budgets), the packet-length cap, and transport errors (client role).
 * A framing supplies only its header rules: `nextFrame` and the encoders.
 * https://core.telegram.org/mtproto/mtproto-transports
 */
export abstract class StreamFrameCodec implements FrameCodec {
  abstract readonly protocol: FramingProtocol;
  abstract readonly supportsQuickAck: boolean;
  readonly role: Role;
  protected readonly maxPacketLength: number;
  protected readonly queue = new ByteQueue();
  /** Header plus announced length of the frame being received, once its header is in (else 0). */
  private announced = 0;

  constructor(options: FrameCodecOptions) {
    this.role = options.role;
    this.maxPacketLength = options.maxPacketLength ?? DEFAULT_MAX_PACKET_LENGTH;
  }

  abstract encodePacket(packet: Uint8Array, quickAck?: boolean): Uint8Array;
  abstract encodeQuickAck(token: number): Uint8Array;

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
    for (let frame = this.nextFrame(); frame !== undefined; frame = this.nextFrame()) frames.push(frame);
    return frames;
  }

  /** Takes the next whole frame off the queue; undefined while more bytes are needed. */
  protected abstract nextFrame(): Frame | undefined;

  /** The frame whose header is in needs `total` bytes in all: counted for budgets, never allocated. */
  protected awaitFrame(total: number): void {
    this.announced = total;
  }

  /** Refuses a packet (`sending`) or an announced frame longer than the cap, before any buffering. */
  protected checkLength(length: number, sending: boolean): void {
    if (length <= this.maxPacketLength) return;
    const what = sending ? `packet of ${length} bytes` : `announced length ${length}`;
    throw new TransportError("PACKET_TOO_LONG", `${what} exceeds ${this.maxPacketLength}`, { length });
  }

  /** A packet whose length is not a multiple of 4 cannot be framed: the peer would have to drop it. */
  protected checkAligned(packet: Uint8Array): void {
    if (packet.length % 4 === 0) return;
    throw new TransportError(
      "INVALID_ARGUMENT",
      `${this.protocol} packets are a multiple of 4 bytes, got ${packet.length}`,
      { length: packet.length },
    );
  }

  /** A received payload: a transport error such as -404 (client role), else a packet. */
  protected packetFrame(payload: Uint8Array, quickAckRequested: boolean): Frame {
    return (
      (this.role === "client" ? statusFrameOf(payload) : undefined) ?? { kind: "packet", payload, quickAckRequested }
    );
  }
}
