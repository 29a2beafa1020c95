// The mtkit clients of the rpc benchmark, each pointed at one test server over loopback TCP. Every
// factory makes a fresh client with no auth key, so connecting includes the handshake.
// The peers (mtcute, GramJS) are in rpc-peers.ts.
import { MemoryStorage, TelegramClient } from "@mtkit/client/node";
import { parseRsaPublicKeyPem } from "@mtkit/mtproto-crypto";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import { createAuthKeyOverTransport, SessionDriver, type SessionEnvironment } from "@mtkit/session";
import { apiRegistry, LAYER } from "@mtkit/tl-core/api";
import { createTcpTransport } from "@mtkit/transport-tcp";
import type { BenchServer } from "./rpc-server.js";

/** A connected client that can send help.getNearestDc and be closed. */
export interface BenchClient {
  readonly getNearestDc: () => Promise<unknown>;
  readonly close: () => Promise<void>;
}

/** Makes a fresh client (new auth key) and resolves once its first help.getNearestDc is answered. */
export type ConnectClient = (server: BenchServer) => Promise<BenchClient>;

const API_HASH = "0".repeat(32);
const crypto = createNodeCrypto();

/**
 * mtkit TelegramClient from @mtkit/client/node, as an app would make it, with the work made equal to
 * mtcute's defaults: `pfs: false` (neither peer uses PFS by default) and plain intermediate framing
 * (mtcute's TcpTransport; our Node default adds obfuscation, i.e. AES-CTR over every byte).
 */
export const connectMtkitClient: ConnectClient = (server) => connectTelegramClient(server, false);

/** The same with PFS on (its default): permanent key, temporary key, auth.bindTempAuthKey. */
export const connectMtkitClientPfs: ConnectClient = (server) => connectTelegramClient(server, true);

async function connectTelegramClient(server: BenchServer, pfs: boolean): Promise<BenchClient> {
  const client = new TelegramClient({
    apiId: 1,
    apiHash: API_HASH,
    storage: new MemoryStorage(),
    testServer: server,
    pfs,
    crypto,
    transport: () => createTcpTransport({ crypto, protocol: "intermediate" }),
  });
  return startBenchClient(
    () => client.connect(),
    () => client.invoke({ _: "help.getNearestDc" }),
    () => client.disconnect(),
  );
}

/** Connects, makes the first call (so the handshake is done), and closes the client again if either fails. */
export async function startBenchClient(
  connect: () => Promise<unknown>,
  getNearestDc: () => Promise<unknown>,
  close: () => Promise<void>,
): Promise<BenchClient> {
  try {
    await connect();
    await getNearestDc();
  } catch (error) {
    await close();
    throw error;
  }
  return { getNearestDc, close };
}

const env: SessionEnvironment = { crypto, now: Date.now, randomBytes: (n) => crypto.randomFill(new Uint8Array(n)) };

/** mtkit only: auth-key creation alone (its own TCP connection), for the handshake-only figure. */
export async function mtkitCreateKey(
  server: BenchServer,
): Promise<Awaited<ReturnType<typeof createAuthKeyOverTransport>>> {
  const dc = server.endpoints[0]!;
  const transport = createTcpTransport({ crypto, protocol: "intermediate" });
  await transport.connect({ dcId: dc.id, host: dc.host, port: dc.port });
  try {
    return await createAuthKeyOverTransport(transport, {
      env,
      rsaKeys: [parseRsaPublicKeyPem(server.publicKeyPem)],
      dcId: dc.id,
    });
  } finally {
    await transport.close();
  }
}

/**
 * The layer under TelegramClient: key on one connection, then a bare SessionDriver on a second one
 * (as the demo does). Kept as a column so the cost of the client's layering stays visible.
 */
export const connectMtkitDriver: ConnectClient = async (server) => {
  const dc = server.endpoints[0]!;
  const auth = await mtkitCreateKey(server);
  const driver = new SessionDriver({
    env,
    transport: createTcpTransport({ crypto, protocol: "intermediate" }),
    address: { dcId: dc.id, host: dc.host, port: dc.port },
    authKey: auth.authKey,
    serverSalt: auth.serverSalt,
    timeOffsetMs: auth.timeOffsetMs,
    apiRegistry,
    requestTimeoutMs: 60_000,
  });
  const query = { _: "help.getNearestDc" } as const;
  try {
    await driver.connect();
    // The peers wrap their first call in invokeWithLayer(initConnection); do the same so the work matches.
    await driver.invoke({
      _: "invokeWithLayer",
      layer: LAYER,
      query: {
        _: "initConnection",
        apiId: 1,
        deviceModel: "bench",
        systemVersion: "1",
        appVersion: "0",
        systemLangCode: "en",
        langPack: "",
        langCode: "en",
        query,
      },
    });
  } catch (error) {
    await driver.close();
    throw error;
  }
  return { getNearestDc: () => driver.invoke(query), close: () => driver.close() };
};
