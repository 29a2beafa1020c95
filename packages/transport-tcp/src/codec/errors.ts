/**
 * Typed errors of the transport layer. Every malformed input ends in one of these, never in a
 * crash or a hang. Rules: https://core.telegram.org/mtproto/mtproto-transports
 */

export type TransportErrorCode =
  /** A length field announced more than `maxPacketLength` bytes (checked before buffering). */
  | "PACKET_TOO_LONG"
  /** A length field that no valid packet can have (not a multiple of 4, too short, ...). */
  | "BAD_LENGTH"
  /** Full transport: the CRC32 trailer does not match. */
  | "BAD_CRC"
  /** Full transport: the sequence number is not the expected one. */
  | "BAD_SEQ"
  /** Server side: this connection's partial frame would pass the listener's shared buffer budget. */
  | "BUFFER_BUDGET"
  /** Server side: the first bytes match no known transport (plain, obfuscated or fake-TLS). */
  | "UNKNOWN_PROTOCOL"
  /** An MTProxy secret that is neither 16 bytes, `dd`+16 nor `ee`+16+domain. */
  | "BAD_SECRET"
  /** Fake-TLS: a handshake or record that does not follow the expected grammar or HMAC. */
  | "TLS_HANDSHAKE"
  | "TLS_RECORD"
  /** A caller used the codec in a way its role or state does not allow. */
  | "INVALID_STATE"
  | "INVALID_ARGUMENT"
  /** Carrier level: connect timeout, proxy refusal, socket closed while writing... */
  | "CONNECT_TIMEOUT"
  | "PROXY"
  | "CLOSED"
  | "CARRIER";

export class TransportError extends Error {
  override readonly name = "TransportError";
  readonly code: TransportErrorCode;
  /** Extra facts for logs (lengths, expected/actual values). */
  readonly details: Readonly<Record<string, number | string>>;

  constructor(code: TransportErrorCode, message: string, details: Record<string, number | string> = {}) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

export type TransportStatusCode = "AUTH_KEY_NOT_FOUND" | "TRANSPORT_FLOOD" | "INVALID_DC" | "UNKNOWN_STATUS";

/**
 * A transport error packet from the server: a 4-byte payload holding a negative int32.
 * https://core.telegram.org/mtproto/mtproto-transports#transport-errors
 * -404: no such auth key (or malformed packet), -429: too many connections / flood, -444: invalid DC.
 */
export class TransportStatusError extends Error {
  override readonly name = "TransportStatusError";
  readonly code: TransportStatusCode;
  /** The raw negative status, e.g. -404. */
  readonly status: number;

  constructor(status: number) {
    super(`transport error ${status}`);
    this.status = status;
    this.code =
      status === -404
        ? "AUTH_KEY_NOT_FOUND"
        : status === -429
          ? "TRANSPORT_FLOOD"
          : status === -444
            ? "INVALID_DC"
            : "UNKNOWN_STATUS";
  }
}
