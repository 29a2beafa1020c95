import {
  createPortableCrypto,
  parseRsaPublicKeyPem,
  TELEGRAM_RSA_KEYS,
  type CryptoProvider,
  type RsaPublicKey,
} from "@mtkit/mtproto-crypto";
import type { AsyncGunzip, SessionEnvironment } from "@mtkit/session";
import type { TlObject } from "@mtkit/tl-core";
import type { DcAddress as TransportAddress, Transport } from "@mtkit/transport-tcp/transport";
import type { FileClient } from "../files/file-client.js";
import { createFileHost, type FileHost } from "../files/file-host.js";
import type { RetryPolicy } from "../retry/retry-policy.js";
import type { ClientStorage } from "../storage/types.js";
import type { UpdatesEngine } from "../updates/updates-engine.js";
import type { DcDirectory } from "./dc-directory.js";
import { DcKeys } from "./dc-keys.js";
import { loadDcOptions } from "./dc-options-store.js";
import { DEFAULT_MEDIA_CONNECTIONS, DcPool, pfsSettings } from "./dc-pool.js";
import { wrapWithInitConnection } from "./init-connection.js";
import type { ClientEvent, DeviceInfo, TelegramClientOptions } from "./options.js";
import { RequestRunner } from "./request-runner.js";
import { telegramDcEndpoints } from "./telegram-dcs.js";

type FileHostRefetch = NonNullable<FileClient["refetchMessage"]>;

/** What `TelegramClient` hands over to build one connected lifetime (its private state stays its own). */
export interface ConnectionDeps {
  readonly options: TelegramClientOptions;
  readonly storage: ClientStorage;
  readonly directory: DcDirectory;
  readonly policy: RetryPolicy;
  readonly device: DeviceInfo;
  readonly updates: UpdatesEngine;
  /** The client runs on the built-in DC table (no `dcs`, no `testServer`). */
  readonly usesBuiltInDcs: boolean;
  readonly gunzip: AsyncGunzip | undefined;
  readonly transportFor: (crypto: CryptoProvider) => (address: TransportAddress) => Transport;
  readonly now: () => number;
  readonly emit: (event: ClientEvent) => void;
  /** Feeds the peer cache from an answer or a push. */
  readonly ingest: (response: unknown) => Promise<void> | undefined;
  /** A push the features (chats, secret chats, ...) look at besides the updates engine. */
  readonly onPush: (update: unknown) => void;
  readonly prepareLifetimeSignal: (signal: AbortSignal) => void;
  readonly refetchMessage: FileHostRefetch;
}

/** One connected lifetime of the client: from connect() to disconnect(). */
export interface ConnectionParts {
  readonly crypto: CryptoProvider;
  readonly running: RequestRunner;
  readonly files: FileHost;
}

/**
 * Builds what connect() starts: the crypto provider, the session environment, the key store, the
 * pool of DC connections (pushes routed to the updates engine), the request runner and the file host.
 */
export async function buildConnection(deps: ConnectionDeps): Promise<ConnectionParts> {
  const { options, storage, updates } = deps;
  const crypto = options.crypto ?? createPortableCrypto();
  const newTransport = deps.transportFor(crypto);
  // Built-in table: what help.getConfig said last time is newer than the table.
  if (deps.usesBuiltInDcs) deps.directory.restore(await loadDcOptions(storage.kv));
  const { compression } = options;
  const env: SessionEnvironment = {
    crypto,
    now: deps.now,
    randomBytes: (n) => crypto.randomFill(new Uint8Array(n)),
    ...(compression === false ? { gzip: false } : typeof compression === "function" ? { gzip: compression } : {}),
    ...(deps.gunzip === undefined ? {} : { gunzip: deps.gunzip }),
  };
  const keys = new DcKeys({
    env,
    storage,
    rsaKeys: rsaKeysOf(options),
    newTransport,
    onCreated: (dcId, temporary) => {
      deps.emit({ type: "auth_key_created", dcId, temporary });
    },
  });
  const home = await storage.session.getHomeDc();
  const seed = options.dcs ?? options.testServer?.endpoints ?? telegramDcEndpoints(options);
  const homeDcId = home?.id ?? seed[0]!.id;
  const wrapInit = (query: TlObject) => wrapWithInitConnection(query, options.apiId, deps.device);
  const requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
  // The pool's events name the home DC, which the runner (made after the pool) knows.
  const current: { runner?: RequestRunner } = {};
  const pool = new DcPool({
    settings: {
      env,
      storage,
      keys,
      newTransport,
      wrapInit,
      // Storage holds one temp key per (DC, connection kind), so media connections reuse theirs across runs too.
      pfs: pfsSettings(options.pfs ?? true),
      requestTimeoutMs,
      pingIntervalMs: options.pingIntervalMs ?? 60_000,
      deadConnectionTimeoutMs: options.deadConnectionTimeoutMs,
    },
    directory: deps.directory,
    mediaConnections: options.mediaConnections ?? DEFAULT_MEDIA_CONNECTIONS,
    emit: (event) => {
      deps.emit(event);
      if (event.type === "update") {
        void deps.ingest(event.update);
        updates.observePush(event.update);
        deps.onPush(event.update);
      } else if (
        (event.type === "new_session" || event.type === "connection_lost") &&
        !event.media &&
        event.dcId === current.runner?.homeDcId
      ) {
        // What the home DC sent meanwhile may be lost: the updates engine fetches the difference.
        updates.onConnectionEvent(event.type === "new_session" ? "new_session" : "reconnect");
      }
    },
  });
  const runner = new RequestRunner({
    pool,
    homeDcId,
    policy: deps.policy,
    random: options.random ?? Math.random,
    emit: deps.emit,
    ingest: (response, request) => {
      updates.observeResult(response, request);
      return deps.ingest(response);
    },
    onHomeMoved: (id, ip, port) => storage.session.setHomeDc({ id, ip, port }),
  });
  current.runner = runner;
  deps.prepareLifetimeSignal(runner.lifetime.signal);
  const files = createFileHost({
    crypto,
    env,
    homeDcId: () => runner.homeDcId,
    invoke: (request, invokeOptions) => runner.run(request, invokeOptions),
    newTransport,
    wrapInit,
    requestTimeoutMs,
    policy: deps.policy,
    random: options.random ?? Math.random,
    lifetime: runner.lifetime,
    emit: deps.emit,
    prepareSignal: deps.prepareLifetimeSignal,
    refetchMessage: deps.refetchMessage,
  });
  return { crypto, running: runner, files };
}

/** The server keys to trust: the option's (PEM or parsed), the test server's, else Telegram's. */
function rsaKeysOf(options: TelegramClientOptions): readonly RsaPublicKey[] {
  if (options.rsaKeys !== undefined) {
    return options.rsaKeys.map((key) => (typeof key === "string" ? parseRsaPublicKeyPem(key) : key));
  }
  if (options.testServer !== undefined) return [parseRsaPublicKeyPem(options.testServer.publicKeyPem)];
  return TELEGRAM_RSA_KEYS;
}
