import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import { parseRsaPublicKeyPem } from "@mtkit/mtproto-crypto";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import {
  createAuthKeyOverTransport,
  type HandshakeResult,
  SessionDriver,
  type SessionDriverOptions,
  type SessionEnvironment,
} from "@mtkit/session";
import type { TlRegistry } from "@mtkit/tl-core";
import { apiRegistry } from "@mtkit/tl-core/api";
import { createTcpTransport } from "@mtkit/transport-tcp";
import type { FramingProtocol } from "@mtkit/transport-tcp/codec";
import type { DcAddress, Transport } from "@mtkit/transport-tcp/transport";
import { createWebSocketTransport } from "@mtkit/transport-ws";
import type { TestServer } from "../../src/index.js";

export interface MtkitClientOptions {
  readonly protocol?: FramingProtocol;
  readonly obfuscated?: boolean;
  readonly webSocket?: boolean;
  /** Which of the server's DCs to talk to (index into `endpoints`, default 0). */
  readonly dcIndex?: number;
  /** Seconds: make a temporary key instead of a permanent one. */
  readonly expiresIn?: number;
}

const crypto: CryptoProvider = createNodeCrypto();
export const env: SessionEnvironment = {
  crypto,
  now: Date.now,
  randomBytes: (n) => crypto.randomFill(new Uint8Array(n)),
};

function transportFor(server: TestServer, options: MtkitClientOptions): Transport {
  if (options.webSocket === true) {
    const wsPort = server.endpoints[0]!.wsPort!;
    return createWebSocketTransport({
      crypto,
      protocol: options.protocol ?? "intermediate",
      url: `ws://127.0.0.1:${wsPort}/apiws`,
    });
  }
  return createTcpTransport({
    crypto,
    protocol: options.protocol ?? "intermediate",
    obfuscation: options.obfuscated ?? false,
  });
}

/** Runs the client side of auth-key creation on its own connection, then closes it. */
export async function createKey(server: TestServer, options: MtkitClientOptions = {}): Promise<HandshakeResult> {
  const endpoint = server.endpoints[options.dcIndex ?? 0]!;
  const transport = transportFor(server, options);
  await transport.connect({ dcId: endpoint.id, host: "127.0.0.1", port: endpoint.port });
  try {
    return await createAuthKeyOverTransport(transport, {
      env,
      rsaKeys: [parseRsaPublicKeyPem(server.publicKeyPem)],
      dcId: endpoint.id,
      ...(options.expiresIn === undefined ? {} : { expiresIn: options.expiresIn }),
    });
  } finally {
    await transport.close();
  }
}

export type ClientEvent = Parameters<NonNullable<SessionDriverOptions<DcAddress>["onEvent"]>>[0];

/** A session driver on a new connection with an existing key. */
export async function openDriver(
  server: TestServer,
  auth: HandshakeResult,
  options: MtkitClientOptions & {
    readonly onEvent?: (event: ClientEvent) => void;
    readonly pingIntervalMs?: number;
    readonly deadConnectionTimeoutMs?: number;
    /** How the driver reads answers (default: the generated layer-228 registry). */
    readonly apiRegistry?: TlRegistry;
  } = {},
): Promise<SessionDriver<DcAddress>> {
  const endpoint = server.endpoints[options.dcIndex ?? 0]!;
  const driver = new SessionDriver({
    env,
    transport: transportFor(server, options),
    address: { dcId: endpoint.id, host: "127.0.0.1", port: endpoint.port },
    authKey: auth.authKey,
    serverSalt: auth.serverSalt,
    timeOffsetMs: auth.timeOffsetMs,
    apiRegistry: options.apiRegistry ?? apiRegistry,
    requestTimeoutMs: 10_000,
    backoff: { initialMs: 20, maxMs: 200 },
    ...(options.onEvent === undefined ? {} : { onEvent: options.onEvent }),
    ...(options.pingIntervalMs === undefined ? {} : { pingIntervalMs: options.pingIntervalMs }),
    ...(options.deadConnectionTimeoutMs === undefined
      ? {}
      : { deadConnectionTimeoutMs: options.deadConnectionTimeoutMs }),
  });
  await driver.connect();
  return driver;
}

/**
 * A client made only of mtkit packages: session's handshake and driver over transport-tcp or
 * transport-ws. One connection makes the key, a second one carries the session.
 */
export async function connectMtkitClient(
  server: TestServer,
  options: MtkitClientOptions = {},
): Promise<SessionDriver<DcAddress>> {
  return openDriver(server, await createKey(server, options), options);
}
