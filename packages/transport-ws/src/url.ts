/**
 * Telegram's WebSocket endpoints, https://core.telegram.org/mtproto/transports#websocket :
 * `wss://{pluto,venus,aurora,vesta,flora}.web.telegram.org/apiws` for DC 1-5, `apiws_test` for the
 * test DCs.
 */
const DC_NAMES: Readonly<Record<number, string>> = { 1: "pluto", 2: "venus", 3: "aurora", 4: "vesta", 5: "flora" };

export interface WebSocketUrlOptions {
  readonly testMode?: boolean;
  /** Default true (`wss:`); browsers on https pages cannot open `ws:` anyway. */
  readonly secure?: boolean;
}

export function telegramWebSocketUrl(dcId: number, options: WebSocketUrlOptions = {}): string {
  const name = DC_NAMES[dcId];
  if (name === undefined) throw new RangeError(`no WebSocket endpoint for DC ${dcId} (1-5 exist)`);
  const scheme = options.secure === false ? "ws" : "wss";
  return `${scheme}://${name}.web.telegram.org/${options.testMode === true ? "apiws_test" : "apiws"}`;
}
