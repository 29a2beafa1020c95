import type { Frame, FramingProtocol } from "./frame.js";

/**
 * A sans-IO MTProto transport connection (either role): the full stack of framing, obfuscation
 * and fake-TLS for one connection, with no sockets and no timers. The carrier feeds received bytes
 * to `receive()` and writes whatever `takeOutput()` returns after every call.
 */
export interface PacketConnection {
  /**
   * Feeds bytes from the carrier; returns whole frames. Throws `TransportError` on bad input.
   * Takes ownership of `bytes` (payloads may be views into it; carriers pass fresh buffers).
   */
  receive(bytes: Uint8Array): Frame[];
  /** Queues one packet (one MTProto message). */
  sendPacket(packet: Uint8Array, quickAck?: boolean): void;
  /** Bytes to write now (undefined: nothing). */
  takeOutput(): Uint8Array | undefined;
  /** The same bytes as separate parts, so a carrier with vectored writes avoids concatenating them. */
  takeOutputParts?(): Uint8Array[];
}

/** What a server learnt about a connection from its first bytes. */
export interface ConnectionInfo {
  /** `http`: the HTTP transport (https://core.telegram.org/mtproto/transports#http), no framing at all. */
  readonly protocol: FramingProtocol | "http";
  readonly obfuscated: boolean;
  /** Set when an MTProxy secret matched: its index in the server's `secrets` list and its form. */
  readonly secretIndex?: number;
  readonly secretKind?: "simple" | "secured" | "fakeTls";
  /** The DC id from the obfuscation header (meaningful only if the client wrote one). */
  readonly dcId?: number;
}

/** The server side adds quick-ack answers, transport error packets and what it detected. */
export interface ServerPacketConnection extends PacketConnection {
  /** Undefined until enough bytes arrived to recognise the transport. */
  readonly info: ConnectionInfo | undefined;
  sendQuickAck(token: number): void;
  sendStatus(status: number): void;
  /** The connection is closed: give back what it holds of shared budgets. */
  release?(): void;
}
