import { setMaxListeners } from "node:events";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import type { DcAddress, Transport } from "@mtkit/transport-tcp/transport";
import { TelegramClient as PortableTelegramClient } from "../client/telegram-client.js";
import type { TelegramClientOptions } from "../client/options.js";
import { nodeTransportFactory } from "./node-transport-choice.js";

/**
 * The client with Node defaults: `createNodeCrypto()` (OpenSSL, native IGE when built) and TCP with
 * obfuscated intermediate framing, the transport official apps use on port 443
 * (https://core.telegram.org/mtproto/mtproto-transports). Lives in `@mtkit/client/node` so that a
 * browser bundle of `@mtkit/client` never reaches `node:net` or `node:crypto`.
 */
export class TelegramClient extends PortableTelegramClient {
  constructor(options: TelegramClientOptions) {
    const crypto = options.crypto ?? createNodeCrypto();
    super({ ...options, crypto });
  }

  /** TCP framings, MTProxy links and "websocket" (through `ws` on Node 20); default obfuscated intermediate. */
  protected override transportFor(choice: TelegramClientOptions["transport"], crypto: CryptoProvider): (address: DcAddress) => Transport {
    return nodeTransportFactory(choice, crypto);
  }

  /** Hundreds of concurrent calls each listen to this signal until they finish: not a leak. */
  protected override prepareLifetimeSignal(signal: AbortSignal): void {
    setMaxListeners(0, signal);
  }
}
