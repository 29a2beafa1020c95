// The three RPC clients of the rpc benchmark, each pointed at one in-process TestServer over loopback
// TCP. Every factory makes a fresh client with no auth key, so connect() includes the handshake.
// Peer set-up follows /work/shared/peers.md (RSA key registration, forced GramJS address).
import { createPublicKey } from "node:crypto";
import { createRequire } from "node:module";
import { BaseTelegramClient, MemoryStorage, TcpTransport } from "@mtcute/node";
import { addPublicKey, NodeCryptoProvider } from "@mtcute/node/utils.js";
import { parseRsaPublicKeyPem } from "@mtkit/mtproto-crypto";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import { createAuthKeyOverTransport, SessionDriver, type SessionEnvironment } from "@mtkit/session";
import type { TestServer } from "@mtkit/test-server";
import { apiRegistry, LAYER } from "@mtkit/tl-core/api";
import { createTcpTransport } from "@mtkit/transport-tcp";

/** A connected client that can send help.getNearestDc and be closed. */
export interface BenchClient {
  readonly getNearestDc: () => Promise<unknown>;
  readonly close: () => Promise<void>;
}

/** Makes a fresh client (new auth key) and resolves once its first help.getNearestDc is answered. */
export type ConnectClient = (server: TestServer) => Promise<BenchClient>;

const crypto = createNodeCrypto();
const env: SessionEnvironment = { crypto, now: Date.now, randomBytes: (n) => crypto.randomFill(new Uint8Array(n)) };

/** mtkit only: auth-key creation alone (its own TCP connection), for the handshake-only figure. */
export async function mtkitCreateKey(server: TestServer): Promise<Awaited<ReturnType<typeof createAuthKeyOverTransport>>> {
  const dc = server.endpoints[0]!;
  const transport = createTcpTransport({ crypto, protocol: "intermediate" });
  await transport.connect({ dcId: dc.id, host: "127.0.0.1", port: dc.port });
  try {
    return await createAuthKeyOverTransport(transport, { env, rsaKeys: [parseRsaPublicKeyPem(server.publicKeyPem)], dcId: dc.id });
  } finally {
    await transport.close();
  }
}

/** mtkit: key on one connection, then a SessionDriver on a second one (as the demo does). */
export const connectMtkit: ConnectClient = async (server) => {
  const dc = server.endpoints[0]!;
  const auth = await mtkitCreateKey(server);
  const driver = new SessionDriver({
    env,
    transport: createTcpTransport({ crypto, protocol: "intermediate" }),
    address: { dcId: dc.id, host: "127.0.0.1", port: dc.port },
    authKey: auth.authKey,
    serverSalt: auth.serverSalt,
    timeOffsetMs: auth.timeOffsetMs,
    apiRegistry,
    requestTimeoutMs: 60_000,
  });
  await driver.connect();
  const query = { _: "help.getNearestDc" } as const;
  // The peers wrap their first call in invokeWithLayer(initConnection); do the same so the work matches.
  await driver.invoke({
    _: "invokeWithLayer",
    layer: LAYER,
    query: { _: "initConnection", apiId: 1, deviceModel: "bench", systemVersion: "1", appVersion: "0", systemLangCode: "en", langPack: "", langCode: "en", query },
  });
  return { getNearestDc: () => driver.invoke(query), close: () => driver.close() };
};

/** mtcute 0.30.3: BaseTelegramClient, MemoryStorage, TcpTransport (intermediate). */
// One provider for every mtcute client (as an app with several clients would share it): a provider
// per client would put one WebAssembly instance per client into the memory figure.
const mtcuteCrypto = new NodeCryptoProvider();
const mtcuteKeys = new Set<string>();

export const connectMtcute: ConnectClient = async (server) => {
  if (!mtcuteKeys.has(server.publicKeyPem)) addPublicKey(mtcuteCrypto, server.publicKeyPem);
  mtcuteKeys.add(server.publicKeyPem);
  const endpoint = server.endpoints[0]!;
  const dc = { id: endpoint.id, ipAddress: "127.0.0.1", port: endpoint.port };
  const client = new BaseTelegramClient({
    apiId: 1,
    apiHash: "0".repeat(32),
    storage: new MemoryStorage(),
    crypto: mtcuteCrypto,
    defaultDcs: { main: dc, media: { ...dc, mediaOnly: true } },
    transport: new TcpTransport(),
    disableUpdates: true,
    logLevel: 0,
  });
  const getNearestDc = (): Promise<unknown> => client.call({ _: "help.getNearestDc" });
  await client.connect();
  await getNearestDc();
  return { getNearestDc, close: () => client.destroy() };
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
  rsa._serverKeys.set(server.fingerprint.toString(), { n: bigInt(Buffer.from(jwk.n ?? "", "base64url").toString("hex"), 16), e: 65537 });
  const endpoint = server.endpoints[0]!;
  class LocalConnection extends network.ConnectionTCPFull {
    constructor(params: ConstructorParameters<typeof network.ConnectionTCPFull>[0]) {
      super({ ...params, ip: "127.0.0.1", port: endpoint.port });
    }
  }
  const session = new sessions.MemorySession();
  session.setDC(endpoint.id, "127.0.0.1", endpoint.port);
  const client = new telegram.TelegramClient(session, 1, "0".repeat(32), {
    connection: LocalConnection,
    useWSS: false,
    autoReconnect: false,
    connectionRetries: 1,
    baseLogger: new logger.Logger(logger.LogLevel.NONE),
  });
  const getNearestDc = (): Promise<unknown> => client.invoke(new telegram.Api.help.GetNearestDc());
  await client.connect();
  await getNearestDc();
  return { getNearestDc, close: () => client.destroy() };
};
