import { createPublicKey } from "node:crypto";
import { createRequire } from "node:module";
import type { TestServer } from "../../src/index.js";

// GramJS is CommonJS; load it the way its docs show (peers.md §3).
const require = createRequire(import.meta.url);
const telegram = require("telegram") as typeof import("telegram");
const network = require("telegram/network/index.js") as typeof import("telegram/network/index.js");
const sessions = require("telegram/sessions/index.js") as typeof import("telegram/sessions/index.js");
const extensions = require("telegram/extensions/index.js") as typeof import("telegram/extensions/index.js");
const logger = require("telegram/extensions/Logger.js") as typeof import("telegram/extensions/Logger.js");
const rsa = require("telegram/crypto/RSA.js") as typeof import("telegram/crypto/RSA.js");
const bigInt = require("big-integer") as typeof import("big-integer");

export const { Api } = telegram;
export type GramJsConnection = "full" | "abridged" | "obfuscated";

const bases = {
  full: network.ConnectionTCPFull,
  abridged: network.ConnectionTCPAbridged,
  obfuscated: network.ConnectionTCPObfuscated,
} as const;

/** GramJS looks keys up by the signed decimal fingerprint in a process-global map (peers.md §3). */
function registerKey(server: TestServer): void {
  const jwk = createPublicKey(server.publicKeyPem).export({ format: "jwk" });
  const modulusHex = Buffer.from(jwk.n ?? "", "base64url").toString("hex");
  rsa._serverKeys.set(server.fingerprint.toString(), { n: bigInt(modulusHex, 16), e: 65537 });
}

export interface GramJsOptions {
  readonly connection?: GramJsConnection;
  /** Use the DC's WebSocket port (obfuscated framing over ws://host:port/apiws). */
  readonly webSocket?: boolean;
}

/**
 * A fresh GramJS client. MemorySession instead of StringSession: StringSession.save() writes the
 * port as a signed 16-bit number and throws for the random ports above 32767 tests get.
 */
export function createGramJsClient(
  server: TestServer,
  options: GramJsOptions = {},
): InstanceType<typeof telegram.TelegramClient> {
  registerKey(server);
  const endpoint = server.endpoints[0]!;
  const port = options.webSocket === true ? endpoint.wsPort! : endpoint.port;
  // The three classes share one constructor signature; the cast lets one subclass serve them all.
  const Base = bases[
    options.connection ?? (options.webSocket === true ? "obfuscated" : "full")
  ] as typeof network.ConnectionTCPFull;
  // GramJS ignores the session's port and uses 80/443, so the address is forced here (peers.md §3).
  class LocalConnection extends Base {
    constructor(params: ConstructorParameters<typeof Base>[0]) {
      super({ ...params, ip: "127.0.0.1", port });
    }
  }
  const session = new sessions.MemorySession();
  session.setDC(endpoint.id, "127.0.0.1", port);
  return new telegram.TelegramClient(session, 1, "0".repeat(32), {
    connection: LocalConnection,
    useWSS: false,
    autoReconnect: false,
    // GramJS 2.26.22 makes its auth key from g_ab without leading zero bytes (getByteArray(gab) in
    // network/Authenticator.js), so ~1 handshake in 256 fails its new_nonce_hash check, against Telegram
    // too; its default of 5 attempts turns that into a retry, where 1 left start() waiting for ever.
    connectionRetries: 5,
    baseLogger: new logger.Logger(logger.LogLevel.NONE),
    ...(options.webSocket === true ? { networkSocket: extensions.PromisedWebSockets } : {}),
  });
}
