import { setMaxListeners } from "node:events";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import { createTcpTransport } from "@mtkit/transport-tcp";
import { TelegramClient as PortableTelegramClient } from "../client/telegram-client.js";
import type { TelegramClientOptions } from "../client/options.js";

/**
 * The client with Node defaults: `createNodeCrypto()` (OpenSSL, native IGE when built) and TCP with
 * obfuscated intermediate framing, the transport official apps use on port 443
 * (https://core.telegram.org/mtproto/mtproto-transports). Lives in `@mtkit/client/node` so that a
 * browser bundle of `@mtkit/client` never reaches `node:net` or `node:crypto`.
 */
export class TelegramClient extends PortableTelegramClient {
  constructor(options: TelegramClientOptions) {
    const crypto = options.crypto ?? createNodeCrypto();
    super({
      ...options,
      crypto,
      transport: options.transport ?? (() => createTcpTransport({ crypto, protocol: "intermediate", obfuscation: true })),
    });
  }

  /** Hundreds of concurrent calls each listen to this signal until they finish: not a leak. */
  protected override prepareLifetimeSignal(signal: AbortSignal): void {
    setMaxListeners(0, signal);
  }
}
