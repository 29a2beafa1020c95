// `@mtkit/transport-tcp/transport`: the `Transport` contract, generic carrier plumbing and an
// in-memory pipe. No `node:` imports. See README.md ("Writing a transport").
export type {
  DcAddress,
  PacketLink,
  SendOptions,
  ServerConnectionLink,
  Transport,
  TransportEvent,
  TransportListener,
  TransportServer,
} from "./types.js";
export type { ByteCarrier, CarrierHandlers } from "./carrier.js";
export { CarrierLink } from "./carrier-link.js";
export { StreamTransport, type Dialer, type StreamTransportOptions } from "./stream-transport.js";
export { CarrierServerConnection } from "./server-link.js";
export { PipeTransportServer, createPipePair, type PipeServerOptions } from "./pipe.js";
export { EventHub } from "./event-hub.js";
