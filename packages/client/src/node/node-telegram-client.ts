import { setMaxListeners } from "node:events";
import { gzipSync } from "node:zlib";
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
      // node:zlib: native gzip, where the portable one cost 30 % of upload CPU in a profile.
      compression: options.compression === false ? false : typeof options.compression === "function" ? options.compression : nativeGzip,
      transport: options.transport ?? (() => createTcpTransport({ crypto, protocol: "intermediate", obfuscation: true })),
    });
  }

  /** Hundreds of concurrent calls each listen to this signal until they finish: not a leak. */
  protected override prepareLifetimeSignal(signal: AbortSignal): void {
    setMaxListeners(0, signal);
  }
}

function nativeGzip(data: Uint8Array): Uint8Array {
  return gzipSync(data);
}
