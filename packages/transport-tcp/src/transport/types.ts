import type { TransportStatusError } from "../codec/errors.js";
import type { ConnectionInfo } from "../codec/connection.js";

/**
 * The transport contract the session consumes. It is all a custom transport (HTTP, QUIC, an
 * in-memory pipe, ...) has to implement: connect, send packets, receive packets, close.
 * A "packet" is one MTProto message as bytes (plain or encrypted); framing is the transport's job.
 */

/** Where to connect. Carriers use the parts they need (TCP: host/port; WebSocket: dcId/testMode or url). */
export interface DcAddress {
  readonly dcId: number;
  readonly host: string;
  readonly port: number;
  readonly testMode?: boolean;
  readonly media?: boolean;
}

export type TransportEvent =
  /** One whole incoming packet. */
  | { readonly type: "packet"; readonly packet: Uint8Array }
  /** A quick-ack answer: the token of a packet the server received. */
  | { readonly type: "quickAck"; readonly token: number }
  /** A transport error packet (-404, -429, -444, ...). The connection usually closes next. */
  | { readonly type: "status"; readonly error: TransportStatusError }
  /** Final event: the connection is gone. `error` is set when it did not close on our request. */
  | { readonly type: "close"; readonly error?: Error };

export type TransportListener = (event: TransportEvent) => void;

export interface SendOptions {
  /** Ask the server for a quick ack of this packet (ignored by transports without it). */
  readonly quickAck?: boolean;
}

/** What both ends share: send packets, listen, close. */
export interface PacketLink {
  /**
   * Resolves once the carrier accepted the bytes (back-pressure). Rejects with `TransportError` if
   * closed. The transport may keep a reference to `packet` until it is written: do not modify it.
   */
  send(packet: Uint8Array, options?: SendOptions): Promise<void>;
  /** Listens for events; returns an unsubscribe function. Events before the first listener are buffered. */
  subscribe(listener: TransportListener): () => void;
  /** Closes the connection; resolves when it is closed. Idempotent. */
  close(): Promise<void>;
  readonly closed: boolean;
}

/** The client side: a link that connects to a DC. One `Transport` object = one connection at a time. */
export interface Transport extends PacketLink {
  connect(address: DcAddress, options?: { readonly signal?: AbortSignal }): Promise<void>;
}

/** One accepted connection on the server side. */
export interface ServerConnectionLink extends PacketLink {
  /** What the server recognised (framing, obfuscation, secret); undefined before the first bytes. */
  readonly info: ConnectionInfo | undefined;
  /** The peer's address for logs, e.g. "127.0.0.1:53122". */
  readonly remote: string;
  sendQuickAck(token: number): Promise<void>;
  /** Sends a transport error packet such as -404. */
  sendStatus(status: number): Promise<void>;
  /**
   * Request-response transports only (HTTP): the packet being received asked for a long poll
   * (http_wait, https://core.telegram.org/mtproto/service_messages#long-poll-http-wait), so its answer
   * may be held up to `maxWaitMs` until something is sent. Stream transports can write at any time
   * and leave it out.
   */
  holdAnswer?(maxWaitMs: number): void;
}

/** A listening server that hands out connections (TCP, WebSocket, in-memory ...). */
export interface TransportServer {
  onConnection(handler: (connection: ServerConnectionLink) => void): () => void;
  close(): Promise<void>;
}
