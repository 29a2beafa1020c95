import type { CryptoProvider, RsaPublicKey } from "@mtkit/mtproto-crypto";
import type { TransportOption } from "./transport-choice.js";
import type { GzipCompressor } from "@mtkit/session";
import type { ClientLogger } from "../logging/logger.js";
import type { UpdateErrorHandler } from "../events/update-dispatcher.js";
import type { RetryEvent } from "../retry/run-with-retry.js";
import type { ClientStorage } from "../storage/types.js";
import type { UpdatesEvent } from "../updates/updates-events.js";
import type { UpdatesOptions } from "../updates/updates-options.js";

/** Where a DC listens, as the client dials it. */
export interface DcEndpointOption {
  readonly id: number;
  readonly host: string;
  readonly port: number;
  /** A test DC: WebSocket URLs end in `apiws_test`, MTProxy headers carry `id + 10000`. */
  readonly testMode?: boolean;
}

/** What initConnection tells the server about this app (https://core.telegram.org/method/initConnection). */
export interface DeviceInfo {
  readonly deviceModel: string;
  readonly systemVersion: string;
  readonly appVersion: string;
  readonly systemLangCode: string;
  readonly langPack: string;
  readonly langCode: string;
}

/** Things the client did on its own, reported so nothing is silent. */
export type ClientEvent =
  | RetryEvent
  | { readonly type: "auth_key_created"; readonly dcId: number; readonly temporary: boolean }
  | { readonly type: "temp_key_bound"; readonly dcId: number; readonly expiresAt: number }
  | {
      readonly type: "migrate";
      readonly error: string;
      readonly fromDc: number;
      readonly toDc: number;
      readonly scope: "home" | "request";
    }
  | { readonly type: "authorization_imported"; readonly dcId: number }
  | { readonly type: "update"; readonly dcId: number; readonly update: unknown }
  /** The server opened a new session for us (new_session_created): updates sent meanwhile are fetched. */
  | { readonly type: "new_session"; readonly dcId: number; readonly media: boolean }
  /** The updates engine: fetches, TooLong (refetch what you show), problems (https://core.telegram.org/api/updates). */
  | UpdatesEvent
  /**
   * The connection went silent (`dead`: nothing arrived in time), closed with an error (`reason` says
   * which, e.g. a packet over the maximum) or the app asked for a reconnect; requests are resent.
   */
  | { readonly type: "connection_lost"; readonly dcId: number; readonly media: boolean; readonly reason: string }
  /** Timers fired late (the machine slept, the clock jumped): the connection is being checked with a ping. */
  | { readonly type: "connection_suspect"; readonly dcId: number; readonly media: boolean; readonly lateMs: number }
  /** An incoming packet failed a security check and was dropped (https://core.telegram.org/mtproto/security_guidelines). */
  | { readonly type: "packet_rejected"; readonly dcId: number; readonly media: boolean; readonly code: string };

/** Perfect forward secrecy (https://core.telegram.org/api/pfs). */
export interface PfsOptions {
  /** Lifetime asked for each temporary key, in seconds. Default 86400. */
  readonly tempKeyLifetimeSeconds?: number;
  /** Renew this many seconds before expiry. Default 60 (capped at half the lifetime). */
  readonly renewBeforeSeconds?: number;
}

export interface TelegramClientOptions {
  readonly apiId: number;
  readonly apiHash: string;
  readonly storage: ClientStorage;
  /**
   * A factory (a fresh transport per connection), "websocket" (the default here), "http", a TCP framing name
   * or an MTProxy link (`@mtkit/client/node`, whose default is obfuscated intermediate over TCP).
   */
  readonly transport?: TransportOption;
  /** Default: the portable provider; `@mtkit/client/node` defaults to `createNodeCrypto()`. */
  readonly crypto?: CryptoProvider;
  /**
   * DC list; the first one is the home DC until the server says otherwise. Default: Telegram's
   * built-in table (production, or test with `testMode`), then the stored help.getConfig options.
   */
  readonly dcs?: readonly DcEndpointOption[];
  /** Use Telegram's test DCs (https://core.telegram.org/api/auth#test-accounts). Default false. */
  readonly testMode?: boolean;
  /** Dial the IPv6 addresses of the built-in table and of help.getConfig. Default false. */
  readonly ipv6?: boolean;
  /** A `@mtkit/test-server` (or anything with the same two getters): its DCs and its RSA key. */
  readonly testServer?: { readonly endpoints: readonly DcEndpointOption[]; readonly publicKeyPem: string };
  /** Server RSA keys to trust, parsed or as PEM text. Default: Telegram's, or the test server's. */
  readonly rsaKeys?: readonly (RsaPublicKey | string)[];
  /** Where the client reports what it did on its own; e.g. `createConsoleLogger({ level: "info" })` or `console`. */
  readonly logger?: ClientLogger;
  readonly onEvent?: (event: ClientEvent) => void;
  /** Where errors thrown by `on(...)` handlers and filters go. Default: `console.error`. */
  readonly onUpdateError?: UpdateErrorHandler;
  readonly deviceInfo?: Partial<DeviceInfo>;
  /** FLOOD_WAIT up to this many seconds is slept through (and reported); longer ones throw. Default 10. */
  readonly floodSleepThreshold?: number;
  /** Default true: temporary keys bound to the permanent one. `false` runs on the permanent key. */
  readonly pfs?: boolean | PfsOptions;
  /** Per-request timeout (ms). Default 60 000. */
  readonly requestTimeoutMs?: number;
  /** Keep-alive period (ms). Default 60 000. */
  readonly pingIntervalMs?: number;
  /**
   * A connection from which nothing arrives this long after a ping (or while requests wait) is
   * declared dead and replaced; unanswered requests are resent with their msg_id. Default 15 000.
   */
  readonly deadConnectionTimeoutMs?: number;
  /**
   * Media connections per DC that file parts are spread over (each its own TCP connection and MTProto
   * session on the same key, https://core.telegram.org/api/files). Default 4, mtcute's upload default.
   */
  readonly mediaConnections?: number;
  /** The updates engine (`client.updates`): catch-up on connect, the sink, gap timing. */
  readonly updates?: UpdatesOptions;
  /**
   * Secret chats (https://core.telegram.org/api/end-to-end). `true`: `connect()` opens them (as
   * `secretChats()` does) before the first catch-up, so requests and messages that came while the
   * app was away reach them. Default: the same once `secretChats()` was ever called on this storage
   * (it marks `storage.kv`); otherwise they open on the first `secretChats()` call. `false`: only on
   * that call.
   */
  readonly secretChats?: boolean;
  /**
   * gzip_packed for outgoing requests where it pays (never file parts): `false` turns it off, a
   * function is the compressor to use (the platform's native one). Default: the portable compressor;
   * `@mtkit/client/node` defaults to node:zlib.
   */
  readonly compression?: boolean | GzipCompressor;
  /** Clock (ms) and randomness for the session layer; injected by tests. */
  readonly now?: () => number;
  readonly random?: () => number;
}

export const DEFAULT_DEVICE_INFO: DeviceInfo = {
  deviceModel: "mtkit",
  systemVersion: "unknown",
  appVersion: "0.0.0",
  systemLangCode: "en",
  langPack: "",
  langCode: "en",
};
