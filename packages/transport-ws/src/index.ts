// Public surface of @mtkit/transport-ws (Node entry); see README.md. Browsers get ./browser.ts
// through the `browser` export condition.
import { WebSocket as NodeWebSocket } from "ws";
import {
  createWebSocketTransport as createBrowserTransport,
  type WebSocketTransportOptions,
} from "./websocket-transport.js";
import type { WebSocketConstructor } from "./websocket-like.js";
import type { Transport } from "@mtkit/transport-tcp/transport";

export { telegramWebSocketUrl, type WebSocketUrlOptions } from "./url.js";
export { WebSocketCarrier } from "./websocket-carrier.js";
export { openWebSocket } from "./dial.js";
export type { WebSocketConstructor, WebSocketLike } from "./websocket-like.js";
export type { WebSocketTransportOptions } from "./websocket-transport.js";
export { WebSocketTransportServer, type WebSocketServerOptions } from "./websocket-server.js";
export { WsServerCarrier } from "./server-carrier.js";

/** As in the browser entry, but falls back to the `ws` client when Node has no global WebSocket. */
export function createWebSocketTransport(options: WebSocketTransportOptions): Transport {
  const globalImpl = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  return createBrowserTransport({
    ...options,
    WebSocket: options.WebSocket ?? globalImpl ?? (NodeWebSocket as unknown as WebSocketConstructor),
  });
}
