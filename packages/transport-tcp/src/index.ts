// Public surface of @mtkit/transport-tcp; see README.md.
// The sans-IO codecs (`./codec`) and the Transport contract (`./transport`) are re-exported here;
// this entry adds the node:net carrier, so browsers import the subpaths instead.
export * from "./codec/index.js";
export * from "./transport/index.js";
export { createTcpTransport, headerDcId, type TcpTransportOptions } from "./node/tcp-transport.js";
export { TcpTransportServer, type TcpServerOptions } from "./node/tcp-server.js";
export { SocketCarrier } from "./node/socket-carrier.js";
export type { ProxyConfig } from "./node/proxy.js";
export type { SocketTuning } from "./node/socket-options.js";
