// Browser entry of @mtkit/transport-ws (selected by the `browser` export condition): no `ws`,
// no `node:` imports. Uses the global WebSocket.
export { createWebSocketTransport, type WebSocketTransportOptions } from "./websocket-transport.js";
export { telegramWebSocketUrl, type WebSocketUrlOptions } from "./url.js";
export { WebSocketCarrier } from "./websocket-carrier.js";
export { openWebSocket } from "./dial.js";
export type { WebSocketConstructor, WebSocketLike } from "./websocket-like.js";
