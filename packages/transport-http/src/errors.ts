/**
 * Typed errors of the HTTP transport (https://core.telegram.org/mtproto/transports#http). MTProto
 * transport errors (-404, -429, -444) arrive as HTTP status codes and are reported as
 * `TransportStatusError` events, as on TCP; everything else that goes wrong is one of these.
 */
export type HttpTransportErrorCode =
  /** An HTTP status that is neither 200 nor a transport error (e.g. 500, 502). */
  | "HTTP_STATUS"
  /** A body longer than `maxPacketLength` (announced or actually sent); refused before buffering it all. */
  | "BODY_TOO_LARGE"
  /** The request could not be made or its answer not read (refused, reset, DNS ...). */
  | "NETWORK"
  /** No answer within `requestTimeoutMs`, or the server did not get a whole body in time. */
  | "TIMEOUT"
  /** Used after `close()`, or before `connect()`. */
  | "CLOSED";

export class HttpTransportError extends Error {
  override readonly name = "HttpTransportError";
  readonly code: HttpTransportErrorCode;
  /** The HTTP status, when there was one. */
  readonly httpStatus: number | undefined;

  constructor(code: HttpTransportErrorCode, message: string, httpStatus?: number) {
    super(message);
    this.code = code;
    this.httpStatus = httpStatus;
  }
}
