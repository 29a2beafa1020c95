// Browser entry of @mtkit/transport-http (the `browser` export condition): the client only, no `node:`.
export { HttpTransport, createHttpTransport, type FetchLike, type HttpTransportOptions } from "./http-transport.js";
export { HttpTransportError, type HttpTransportErrorCode } from "./errors.js";
export { httpTransportUrl } from "./url.js";
export { transportStatusOf, httpStatusOf } from "./status.js";
export type { ResponseLike } from "./read-body.js";
