import type {
  ClientConnectionOptions,
  FramingProtocol,
  ObfuscationOptions,
  TransportCrypto,
} from "@mtkit/transport-tcp/codec";
import { StreamTransport, type DcAddress, type Transport } from "@mtkit/transport-tcp/transport";
import { openWebSocket } from "./dial.js";
import { telegramWebSocketUrl } from "./url.js";
import { WebSocketCarrier } from "./websocket-carrier.js";
import type { WebSocketConstructor } from "./websocket-like.js";

export interface WebSocketTransportOptions {
  /** Obfuscation and padding need it; any `CryptoProvider` (e.g. `createPortableCrypto()`) fits. */
  readonly crypto: TransportCrypto;
  /** Framing inside the obfuscated stream; default `intermediate`. */
  readonly protocol?: FramingProtocol;
  /**
   * Obfuscation is on by default because Telegram's WebSocket endpoints require it; pass an object
   * for an MTProxy secret or an explicit DC id, or `false` only for servers that accept plain framing.
   */
  readonly obfuscation?: boolean | ObfuscationOptions;
  /** The URL per address; default Telegram's `wss://{name}.web.telegram.org/apiws[_test]`. */
  readonly url?: string | ((address: DcAddress) => string);
  /** Default: the global `WebSocket` (browsers, Node >= 22); the Node entry falls back to `ws`. */
  readonly WebSocket?: WebSocketConstructor;
  readonly connectTimeoutMs?: number;
  readonly maxPacketLength?: number;
}

/** MTProto over WebSocket (binary frames, obfuscated by default). */
export function createWebSocketTransport(options: WebSocketTransportOptions): Transport {
  const connection = (address: DcAddress): ClientConnectionOptions => {
    const obfuscation = options.obfuscation ?? true;
    const dcId = address.testMode === true ? address.dcId + 10000 : address.dcId;
    return {
      crypto: options.crypto,
      ...(options.protocol === undefined ? {} : { protocol: options.protocol }),
      ...(options.maxPacketLength === undefined ? {} : { maxPacketLength: options.maxPacketLength }),
      obfuscation:
        obfuscation === false
          ? false
          : { dcId: address.media === true ? -dcId : dcId, ...(obfuscation === true ? {} : obfuscation) },
    };
  };
  return new StreamTransport({
    connection,
    dial: async (address, signal) => {
      const WebSocketImpl = options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
      if (WebSocketImpl === undefined)
        throw new TypeError("no WebSocket implementation: pass options.WebSocket (e.g. from the `ws` package)");
      const url =
        typeof options.url === "function"
          ? options.url(address)
          : (options.url ?? telegramWebSocketUrl(address.dcId, { testMode: address.testMode === true }));
      const socket = await openWebSocket(WebSocketImpl, url, options.connectTimeoutMs ?? 10_000, signal);
      return new WebSocketCarrier(socket);
    },
  });
}
