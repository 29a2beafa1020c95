/**
 * Over HTTP, MTProto transport errors are HTTP status codes
 * (https://core.telegram.org/mtproto/mtproto-transports#transport-errors): 404 for an unknown auth key
 * or a packet the server could not take, 429 for flood, 444 for a wrong DC. Sans IO.
 */
const TRANSPORT_STATUSES: ReadonlySet<number> = new Set([404, 429, 444]);

/** The negative MTProto status for an HTTP status, or undefined when it is not a transport error. */
export function transportStatusOf(httpStatus: number): number | undefined {
  return TRANSPORT_STATUSES.has(httpStatus) ? -httpStatus : undefined;
}

/** The HTTP status the server answers for a negative MTProto status (-404 -> 404); 400 for others. */
export function httpStatusOf(transportStatus: number): number {
  return TRANSPORT_STATUSES.has(-transportStatus) ? -transportStatus : 400;
}
