// Public surface of @mtkit/transport-http (Node entry): the client of ./browser.ts plus the server role.
export * from "./browser.js";
export { HttpTransportServer, type HttpServerOptions } from "./server/http-transport-server.js";
export { HttpServerLink, type HttpLinkLimits } from "./server/http-server-link.js";
export { routeKeyOf } from "./server/route-key.js";
