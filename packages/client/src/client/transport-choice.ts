import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import type { DcAddress, Transport } from "@mtkit/transport-tcp/transport";
import { createHttpTransport } from "@mtkit/transport-http/browser";
import { createWebSocketTransport } from "@mtkit/transport-ws/browser";

/** TCP framings (https://core.telegram.org/mtproto/mtproto-transports); `@mtkit/client/node` only. */
export type TcpTransportName = "abridged" | "intermediate" | "padded" | "full";

/**
 * The `transport` option: a factory (one fresh transport per connection), a name, or an MTProxy
 * link (`tg://proxy?server=..&port=..&secret=..`, Node only).
 */
export type TransportOption =
  | ((address: DcAddress) => Transport)
  | TcpTransportName
  | "websocket"
  /** POST to `http://<DC host>:<port>/api` with an http_wait long poll (https://core.telegram.org/mtproto/transports#http). */
  | "http"
  | `tg://proxy?${string}`
  | `https://t.me/proxy?${string}`;

/**
 * The portable entry's resolution: a factory as is; "websocket" (also the default) through the
 * global WebSocket, to Telegram's `wss://<name>.web.telegram.org/apiws[_test]` endpoints; "http"
 * through `fetch` to the DC's address.
 */
export function transportFactory(
  choice: TransportOption | undefined,
  crypto: CryptoProvider,
): (address: DcAddress) => Transport {
  if (typeof choice === "function") return choice;
  if (choice === undefined || choice === "websocket") return () => createWebSocketTransport({ crypto });
  if (choice === "http") return () => createHttpTransport();
  throw new TypeError(`transport "${choice}" needs TCP: use TelegramClient from @mtkit/client/node`);
}
