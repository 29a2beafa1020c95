// The peer clients of the rpc benchmark: mtcute 0.30.3 and GramJS 2.26.22, pointed at the test
// server over loopback TCP, each fresh (no auth key). Set-up follows /work/shared/peers.md (RSA key
// registration, forced GramJS address).
import { createPublicKey } from "node:crypto";
import { createRequire } from "node:module";
import { BaseTelegramClient, MemoryStorage, TcpTransport } from "@mtcute/node";
import { addPublicKey, NodeCryptoProvider } from "@mtcute/node/utils.js";
import { startBenchClient, type ConnectClient } from "./rpc-clients.js";

const API_HASH = "0".repeat(32);

// One provider for every mtcute client (as an app with several clients would share it): a provider
// per client would put one WebAssembly instance per client into the memory figure.
const mtcuteCrypto = new NodeCryptoProvider();
const mtcuteKeys = new Set<string>();

/** mtcute 0.30.3: BaseTelegramClient, MemoryStorage, TcpTransport (intermediate), no updates. */
export const connectMtcute: ConnectClient = async (server) => {
  if (!mtcuteKeys.has(server.publicKeyPem)) addPublicKey(mtcuteCrypto, server.publicKeyPem);
  mtcuteKeys.add(server.publicKeyPem);
  const endpoint = server.endpoints[0]!;
  const dc = { id: endpoint.id, ipAddress: endpoint.host, port: endpoint.port };
  const client = new BaseTelegramClient({
    apiId: 1,
    apiHash: API_HASH,
    storage: new MemoryStorage(),
    crypto: mtcuteCrypto,
    defaultDcs: { main: dc, media: { ...dc, mediaOnly: true } },
    transport: new TcpTransport(),
    disableUpdates: true,
    logLevel: 0,
  });
  return startBenchClient(
    () => client.connect(),
    () => client.call({ _: "help.getNearestDc" }),
    () => client.destroy(),
  );
};

// GramJS is CommonJS; load it through require as its docs do.
const require = createRequire(import.meta.url);
const telegram = require("telegram") as typeof import("telegram");
const network = require("telegram/network/index.js") as typeof import("telegram/network/index.js");
const sessions = require("telegram/sessions/index.js") as typeof import("telegram/sessions/index.js");
const logger = require("telegram/extensions/Logger.js") as typeof import("telegram/extensions/Logger.js");
const rsa = require("telegram/crypto/RSA.js") as typeof import("telegram/crypto/RSA.js");
const bigInt = require("big-integer") as typeof import("big-integer");

/**
 * GramJS 2.26.22: MemorySession (StringSession stores the port as a signed 16-bit number and breaks
 * above 32767) and a connection subclass forcing the address, since GramJS dials port 80/443.
 */
export const connectGramJs: ConnectClient = async (server) => {
  const jwk = createPublicKey(server.publicKeyPem).export({ format: "jwk" });
  rsa._serverKeys.set(server.fingerprint.toString(), {
    n: bigInt(Buffer.from(jwk.n ?? "", "base64url").toString("hex"), 16),
    e: 65537,
  });
  const endpoint = server.endpoints[0]!;
  class LocalConnection extends network.ConnectionTCPFull {
    constructor(params: ConstructorParameters<typeof network.ConnectionTCPFull>[0]) {
      super({ ...params, ip: endpoint.host, port: endpoint.port });
    }
  }
  const session = new sessions.MemorySession();
  session.setDC(endpoint.id, endpoint.host, endpoint.port);
  const client = new telegram.TelegramClient(session, 1, API_HASH, {
    connection: LocalConnection,
    useWSS: false,
    autoReconnect: false,
    // GramJS's default of 5 attempts: ~1 handshake in 256 fails on its own g_ab bug (test-server README).
    connectionRetries: 5,
    baseLogger: new logger.Logger(logger.LogLevel.NONE),
  });
  return startBenchClient(
    () => client.connect(),
    () => client.invoke(new telegram.Api.help.GetNearestDc()),
    () => client.destroy(),
  );
};
