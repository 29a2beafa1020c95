import type { TransportStatusError } from "./errors.js";

/** The four MTProto TCP framings. https://core.telegram.org/mtproto/mtproto-transports */
export type FramingProtocol = "abridged" | "intermediate" | "padded" | "full";

/**
 * Which end of the connection a codec serves. The same bytes mean different things per role:
 * e.g. a set length MSB is a quick-ack *request* when the server reads it and a quick-ack *answer*
 * when the client reads it.
 */
export type Role = "client" | "server";

/** One unit decoded from the byte stream. */
export type Frame =
  /** A whole MTProto packet (plain or encrypted message). */
  | { readonly kind: "packet"; readonly payload: Uint8Array; readonly quickAckRequested: boolean }
  /** A quick-ack answer (client role): the token the server computed, MSB set. */
  | { readonly kind: "quickAck"; readonly token: number }
  /** A transport error packet (client role), e.g. -404. */
  | { readonly kind: "status"; readonly error: TransportStatusError };

/** Options shared by every framing codec. */
export interface FrameCodecOptions {
  readonly role: Role;
  /** Upper bound on one packet; a larger announced length is rejected before any buffering. */
  readonly maxPacketLength?: number;
  /** Randomness for padding (padded intermediate). Required for that framing when encoding. */
  readonly randomFill?: (out: Uint8Array) => Uint8Array;
}

/**
 * A sans-IO framing codec: packets in -> bytes out, bytes in -> whole packets out.
 * It does not emit the protocol tag (0xef, 0xeeeeeeee, 0xdddddddd); the connection layer does,
 * because obfuscation moves the tag inside its init payload.
 */
export interface FrameCodec {
  readonly protocol: FramingProtocol;
  readonly role: Role;
  /** False for `full`, which has no quick-ack flag. */
  readonly supportsQuickAck: boolean;
  /**
   * Frames one packet. `quickAck` asks the server for a quick ack (client role, not `full`).
   * Like `encodeQuickAck` and `encodeStatus`, returns a new buffer the caller owns: obfuscated
   * connections encrypt it in place.
   */
  encodePacket(packet: Uint8Array, quickAck?: boolean): Uint8Array;
  /**
   * The same bytes as parts that reference `packet` instead of copying it (header, packet, trailer).
   * Optional: connections fall back to `encodePacket`.
   */
  encodePacketParts?(packet: Uint8Array, quickAck?: boolean): Uint8Array[];
  /** Server role: frames a quick-ack answer carrying `token` (MSB set by the caller or here). */
  encodeQuickAck(token: number): Uint8Array;
  /** Server role: frames a transport error packet such as -404. */
  encodeStatus(status: number): Uint8Array;
  /**
   * Appends bytes and returns every frame completed by them. Throws `TransportError` on bad input.
   * The codec takes ownership of `bytes`: payloads may be views into it, so do not reuse the buffer.
   */
  decode(bytes: Uint8Array): Frame[];
  /**
   * Bytes a partial frame holds, or its announced size once its header is in (whichever is more),
   * for memory budgets: the claim is only counted, never used to size a buffer.
   */
  readonly bufferedLength: number;
}

/** 2 MiB: one 512 KiB upload part or 1 MiB download plus MTProto overhead fits with room to spare. */
export const DEFAULT_MAX_PACKET_LENGTH = 2 * 1024 * 1024;

/** The tag a client sends first to announce the framing (`full` has none). */
export function protocolTag(protocol: FramingProtocol): Uint8Array {
  switch (protocol) {
    case "abridged":
      return Uint8Array.of(0xef);
    case "intermediate":
      return Uint8Array.of(0xee, 0xee, 0xee, 0xee);
    case "padded":
      return Uint8Array.of(0xdd, 0xdd, 0xdd, 0xdd);
    case "full":
      return new Uint8Array(0);
  }
}
