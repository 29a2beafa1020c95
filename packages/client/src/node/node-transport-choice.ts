import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import { createTcpTransport } from "@mtkit/transport-tcp";
import type { DcAddress, Transport } from "@mtkit/transport-tcp/transport";
import { createWebSocketTransport } from "@mtkit/transport-ws";
import { createHttpTransport } from "@mtkit/transport-http";
import { isProxyLink, parseProxyLink } from "../client/proxy-link.js";
import type { TransportOption } from "../client/transport-choice.js";
import { redirectTransport } from "./redirect-transport.js";

/**
 * The Node entry's resolution of the `transport` option
 * (https://core.telegram.org/mtproto/mtproto-transports):
 * - default and "intermediate" / "abridged" / "padded": TCP, obfuscated, as the official apps on port 443;
 * - "full": TCP, plain (the full transport has no obfuscated form);
 * - "websocket": Telegram's WebSocket endpoints (global WebSocket, else `ws`);
 * - "http": POST to `http://<DC host>:<port>/api`, with an http_wait long poll;
 * - an MTProxy link: every DC through that proxy, the DC id in the obfuscation header.
 */
export function nodeTransportFactory(
  choice: TransportOption | undefined,
  crypto: CryptoProvider,
): (address: DcAddress) => Transport {
  if (typeof choice === "function") return choice;
  switch (choice) {
    case undefined:
    case "intermediate":
    case "abridged":
    case "padded":
      return () => createTcpTransport({ crypto, protocol: choice ?? "intermediate", obfuscation: true });
    case "full":
      return () => createTcpTransport({ crypto, protocol: "full" });
    case "websocket":
      return () => createWebSocketTransport({ crypto });
    case "http":
      return () => createHttpTransport();
    default: {
      if (!isProxyLink(choice)) throw new TypeError(`unknown transport "${choice}"`);
      const proxy = parseProxyLink(choice);
      return () =>
        redirectTransport(
          createTcpTransport({ crypto, obfuscation: { secret: proxy.secret } }),
          proxy.server,
          proxy.port,
        );
    }
  }
}
