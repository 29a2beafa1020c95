import { readFileSync } from "node:fs";
import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import type { ServerSessionStoreOptions } from "@mtkit/session";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import type { TypeUpdates } from "@mtkit/tl-core/api";
import { encodeResult } from "../api/rpc-dispatcher.js";
import { registerBuiltins } from "../api/builtin-handlers.js";
import { LayerNotices } from "../api/layer-writers.js";
import { HandlerRegistry, type FallbackHandler, type MethodName, type RpcHandler } from "../api/handler-registry.js";
import type { DcEndpoint } from "../api/topology.js";
import { FaultKnobs } from "../faults/fault-knobs.js";
import { DcServer } from "./dc-server.js";
import { resolveListenerLimits, type ListenerLimits } from "./listener-limits.js";
import { generateServerRsaKey, loadServerRsaKey, type ServerRsaKey } from "./rsa-key.js";

export interface TestServerOptions {
  /** Interface to listen on. Default 127.0.0.1. */
  readonly host?: string;
  /** TCP port of the first DC; the others take the next ports. Default 0 (random ports for all). */
  readonly port?: number;
  /** Number of DCs, each with its own ports and keys. Default 1. */
  readonly dcs?: number;
  /** Id of the first DC; the others follow. Default 1. */
  readonly firstDcId?: number;
  /** Also listen on WebSocket (one port per DC, random unless `wsPort` is set). */
  readonly ws?: boolean;
  /** WebSocket port of the first DC when `ws` is set; the others take the next ports. */
  readonly wsPort?: number;
  /** Also listen for the HTTP transport, POST `/api` (one port per DC, random unless `httpPort` is set). */
  readonly http?: boolean;
  /** HTTP port of the first DC when `http` is set; the others take the next ports. */
  readonly httpPort?: number;
  /** RSA key: a loaded key, a PEM private key (PKCS#1 or PKCS#8), or generated when absent. */
  readonly rsaKey?: ServerRsaKey | string;
  /** MTProxy secrets (hex: 16 bytes, `dd`+16, `ee`+16+domain). Plain clients are still accepted. */
  readonly secrets?: readonly string[];
  /** Salt rotation period in seconds. Default 3600. */
  readonly saltPeriodSeconds?: number;
  /**
   * Bounds per DC on what clients can make the server hold: `maxSessionsPerKey` (default 64),
   * `maxSessions` (default 10 000), `answers: { maxAnswers, maxBytes }` cached per session (1024, 8 MiB).
   * Past them the least recently used session is forgotten; its client gets new_session_created.
   */
  readonly sessionLimits?: ServerSessionStoreOptions;
  /**
   * Per DC listener limits: `maxConnections` (16 384), `transportInitMs` (10 s), `handshakeMs`
   * (30 s), `idleMs` (5 min), `memoryBudgetBytes` (256 MiB) and `frameBufferBytes` (an eighth of it).
   */
  readonly limits?: Partial<ListenerLimits>;
  /** Clock in ms (tests). Default Date.now. */
  readonly now?: () => number;
  readonly crypto?: CryptoProvider;
  /** Unexpected errors (handler exceptions, malformed input). Default: ignored. */
  readonly onError?: (error: unknown) => void;
  /**
   * The server's log lines (e.g. a client announced a layer the server has no schema of, and which
   * layer it answers in instead). Default: printed to stderr.
   */
  readonly onLog?: (line: string) => void;
}

/**
 * A real MTProto server on localhost for tests, demos and bots: one or several DCs, TCP (every
 * transport, obfuscated or not, MTProxy secrets) and WebSocket, typed handlers and fault knobs.
 */
export class TestServer {
  readonly faults = new FaultKnobs();
  private readonly handlers = new HandlerRegistry();

  private constructor(
    readonly rsaKey: ServerRsaKey,
    readonly dcs: readonly DcServer[],
  ) {}

  static async start(options: TestServerOptions = {}): Promise<TestServer> {
    const crypto = options.crypto ?? createNodeCrypto();
    const rsaKey = resolveKey(crypto, options.rsaKey);
    const host = options.host ?? "127.0.0.1";
    const advertisedHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
    const nowMs = options.now ?? Date.now;
    const count = options.dcs ?? 1;
    const firstDcId = options.firstDcId ?? 1;
    const dcs: DcServer[] = [];
    const server = new TestServer(rsaKey, dcs);
    const layerNotices = new LayerNotices(
      options.onLog ??
        ((line) => {
          console.warn(`mtkit-test-server: ${line}`);
        }),
    );
    for (let i = 0; i < count; i++) {
      const port = options.port === undefined || options.port === 0 ? 0 : options.port + i;
      const wsPort =
        options.ws !== true ? undefined : options.wsPort === undefined || options.wsPort === 0 ? 0 : options.wsPort + i;
      dcs.push(
        new DcServer({
          id: firstDcId + i,
          host,
          advertisedHost,
          port,
          wsPort,
          httpPort:
            options.http !== true
              ? undefined
              : options.httpPort === undefined || options.httpPort === 0
                ? 0
                : options.httpPort + i,
          secrets: options.secrets ?? [],
          crypto,
          rsaKey,
          handlers: server.handlers,
          faults: server.faults,
          nowMs,
          saltPeriodSeconds: options.saltPeriodSeconds ?? 3600,
          sessionLimits: options.sessionLimits ?? {},
          limits: resolveListenerLimits(options.limits),
          onError: options.onError ?? (() => undefined),
          layerNotices,
        }),
      );
    }
    registerBuiltins(server.handlers, {
      endpoints: () => server.endpoints,
      nowSeconds: () => Math.floor(nowMs() / 1000),
    });
    try {
      for (const dc of dcs) await dc.listen();
    } catch (error) {
      await server.close();
      throw error;
    }
    return server;
  }

  /** Where each DC listens (the first is the "main" DC clients start with). */
  get endpoints(): DcEndpoint[] {
    return this.dcs.map((dc) => dc.endpoint);
  }

  get publicKeyPem(): string {
    return this.rsaKey.publicKeyPem;
  }

  get fingerprint(): bigint {
    return this.rsaKey.fingerprint;
  }

  dc(id: number): DcServer {
    const dc = this.dcs.find((candidate) => candidate.id === id);
    if (dc === undefined) throw new RangeError(`no DC ${id}`);
    return dc;
  }

  /** Registers (or replaces) the handler of an API method; built-ins can be overridden. */
  handle<M extends MethodName>(method: M, handler: RpcHandler<M>): this {
    this.handlers.set(method, handler);
    return this;
  }

  /** Handles every method without a handler (default: 400 METHOD_NOT_IMPLEMENTED). */
  fallback(handler: FallbackHandler | undefined): this {
    this.handlers.fallback = handler;
    return this;
  }

  /** Auth key ids currently known, per DC. */
  authKeyIds(dcId?: number): bigint[] {
    return this.dcs.filter((dc) => dcId === undefined || dc.id === dcId).flatMap((dc) => dc.keys.ids());
  }

  /** Forgets keys (all, or one id) so their next message gets -404 and the client makes a new key. */
  rejectKey(authKeyId?: bigint): void {
    for (const dc of this.dcs) {
      if (authKeyId === undefined) dc.keys.clear();
      else dc.keys.delete(authKeyId);
    }
  }

  /**
   * The next `times` encrypted messages (per DC) get bad_server_salt, and every key's first
   * handshake salt stops being accepted: the client must switch salts and resend.
   */
  forceBadSalt(times = 1): void {
    for (const dc of this.dcs) {
      dc.salts.rejectNext += times;
      for (const id of dc.keys.ids()) dc.keys.expireFirstSalt(id);
    }
  }

  /** Closes every open connection of every DC (a network drop: keys and sessions survive). */
  async dropConnections(): Promise<void> {
    await Promise.all(this.dcs.map((dc) => dc.dropConnections()));
  }

  /** Sends updates to every session (optionally only those under one auth key). */
  pushUpdates(updates: TypeUpdates | Uint8Array, authKeyId?: bigint): number {
    // Encoded once per layer the receiving keys announced.
    const bodies = new Map<number | undefined, Uint8Array>();
    let sent = 0;
    for (const dc of this.dcs) {
      for (const session of dc.sessions) {
        const keyId = session.keyRecord.authKey.idLong;
        if (authKeyId !== undefined && keyId !== authKeyId) continue;
        const layer = dc.keyInfo(keyId).layer;
        let body = bodies.get(layer);
        if (body === undefined) {
          body = encodeResult(updates, layer);
          bodies.set(layer, body);
        }
        session.queue(body, true, false);
        dc.deliver(session);
        sent++;
      }
    }
    return sent;
  }

  async close(): Promise<void> {
    await Promise.all(this.dcs.map((dc) => dc.close()));
  }
}

function resolveKey(crypto: CryptoProvider, key: ServerRsaKey | string | undefined): ServerRsaKey {
  if (key === undefined) return generateServerRsaKey(crypto);
  if (typeof key !== "string") return key;
  return loadServerRsaKey(crypto, key.includes("-----BEGIN") ? key : readFileSync(key, "utf8"));
}
