import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import type { RpcMethods } from "@mtkit/tl-core/api";
import { PeerCache } from "../peers/peer-cache.js";
import { CancelledError } from "../retry/cancelled-error.js";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "../retry/retry-policy.js";
import type { ClientStorage } from "../storage/types.js";
import { hasGzipStreams, inflateWithStreams, type AsyncGunzip } from "@mtkit/session";
import type { DcAddress as TransportAddress, Transport } from "@mtkit/transport-tcp/transport";
import { buildConnection } from "./connection-parts.js";
import { disconnectedIfEnded, RequestRunner, type InvokeOptions } from "./request-runner.js";
import { DcDirectory } from "./dc-directory.js";
import { saveDcOptions } from "./dc-options-store.js";
import { transportFactory } from "./transport-choice.js";
import { telegramDcEndpoints } from "./telegram-dcs.js";
import { describeClientEvent } from "../logging/describe-event.js";
import type { UpdateDispatcher } from "../events/update-dispatcher.js";
import type { ClientContext } from "../messages/context.js";
import { FeatureWiring } from "./feature-wiring.js";
import { AccountMethods } from "./account-methods.js";
import { openSecretChats, secretChatsAtConnect } from "./secret-chats-opener.js";
import { completeAuthorization } from "./login/authorization.js";
import type { QrLoginHost } from "./login/qr-login.js";
import { DEFAULT_DEVICE_INFO, type ClientEvent, type DeviceInfo, type TelegramClientOptions } from "./options.js";
import { UpdatesEngine } from "../updates/updates-engine.js";
import type { FileHost } from "../files/file-host.js";
import { getMessages } from "../messages/get-messages.js";
import type { SecretChats } from "../secret/secret-chats.js";

/**
 * The Telegram client: typed `invoke` over one connection per DC, with initConnection, FLOOD_WAIT
 * and 5xx retries, *_MIGRATE handling, PFS and a peer cache fed by every response.
 */
export class TelegramClient extends AccountMethods {
  readonly storage: ClientStorage;
  readonly peers: PeerCache;
  /** The updates engine: gaps, differences, the saved state, sinks (https://core.telegram.org/api/updates). */
  readonly updates: UpdatesEngine;
  readonly #options: TelegramClientOptions;
  readonly #device: DeviceInfo;
  readonly #directory: DcDirectory;
  readonly #policy: RetryPolicy;
  #running: RequestRunner | undefined;
  #connecting: Promise<RequestRunner> | undefined;
  #crypto: CryptoProvider | undefined;
  #files: FileHost | undefined;
  readonly #features: FeatureWiring;
  #secretChats: Promise<SecretChats> | undefined;

  constructor(options: TelegramClientOptions) {
    super();
    const seed = options.dcs ?? options.testServer?.endpoints ?? telegramDcEndpoints(options);
    if (seed.length === 0) throw new TypeError("TelegramClient: `dcs` is empty");
    this.#options = options;
    this.storage = options.storage;
    this.#device = { ...DEFAULT_DEVICE_INFO, ...options.deviceInfo };
    this.#directory = new DcDirectory(seed, {
      ...(options.ipv6 === true ? { ipv6: true } : {}),
      ...(options.testMode === true ? { testMode: true } : {}),
      onLearn: (endpoints) => {
        saveDcOptions(this.storage.kv, endpoints).catch((error: unknown) => {
          this.#options.logger?.error("could not store the DC options of help.getConfig", error);
        });
      },
    });
    this.#policy = {
      ...DEFAULT_RETRY_POLICY,
      floodSleepThresholdSeconds: options.floodSleepThreshold ?? DEFAULT_RETRY_POLICY.floodSleepThresholdSeconds,
    };
    this.peers = new PeerCache(options.storage.peers, {
      now: () => Math.floor(this.#now() / 1000),
      server: {
        resolveUsername: (username, signal) =>
          this.invoke({ _: "contacts.resolveUsername", username }, signal === undefined ? {} : { signal }),
        resolvePhone: (phone, signal) =>
          this.invoke({ _: "contacts.resolvePhone", phone }, signal === undefined ? {} : { signal }),
      },
    });
    this.updates = new UpdatesEngine(
      {
        storage: options.storage,
        invoke: this.invoke.bind(this),
        resolveChannel: (channelId) => this.peers.resolveChannel({ _: "peerChannel", channelId }).catch(() => null),
        now: () => this.#now(),
        emit: (event) => {
          this.#emit(event);
        },
      },
      options.updates,
    );
    this.#features = new FeatureWiring({
      apiId: options.apiId,
      apiHash: options.apiHash,
      invoke: this.invoke.bind(this),
      peers: this.peers,
      storage: options.storage,
      now: () => this.#now(),
      onUpdateError: options.onUpdateError,
      moveHome: (dcId) => this.#require().moveHome(dcId),
      authorized: (authorization) => completeAuthorization(this, authorization, ""),
      checkPassword: (password) => this.checkPassword(password),
    });
    this.updates.addSink(this.#features.dispatcher.sink);
  }

  protected get context(): ClientContext {
    return this.#features.context;
  }

  protected get dispatcher(): UpdateDispatcher {
    return this.#features.dispatcher;
  }

  protected qrHost(): QrLoginHost {
    return this.#features.qrHost();
  }

  get apiId(): number {
    return this.#options.apiId;
  }

  get apiHash(): string {
    return this.#options.apiHash;
  }

  /**
   * Secret chats (https://core.telegram.org/api/end-to-end), kept in `storage.kv` and fed by the
   * updates engine; available after `connect()`. Saved chats are restored on first use. Loaded on
   * first call (a dynamic import), so apps that never use secret chats do not ship their schema.
   * `connect()` opens them itself first when the storage holds chats (or the `secretChats` option
   * says so); their events wait for the first listener (`subscribe`), so none is missed.
   */
  secretChats(): Promise<SecretChats> {
    this.#secretChats ??= openSecretChats(this, () => this.#now(), this.#options.logger).catch((error: unknown) => {
      this.#secretChats = undefined;
      throw error;
    });
    return this.#secretChats;
  }

  /** See the `secretChats` option: a failure is logged, and `secretChats()` tries again. */
  async #openSecretChatsBeforeCatchUp(): Promise<void> {
    if (this.#secretChats !== undefined) return;
    try {
      if (await secretChatsAtConnect(this.#options.secretChats, this.storage.kv)) await this.secretChats();
    } catch (error) {
      this.#options.logger?.error("secret chats could not be opened before the catch-up", error);
    }
  }

  /** The crypto provider in use (after `connect()`). */
  get crypto(): CryptoProvider {
    if (this.#crypto === undefined) throw new CancelledError("DISCONNECTED", "not connected");
    return this.#crypto;
  }

  get connected(): boolean {
    return this.#running !== undefined;
  }

  /** The DC the account lives on (after `connect()`). */
  get homeDcId(): number {
    return this.#require().homeDcId;
  }

  /** Opens the home DC's connection (making or loading its keys). Idempotent. */
  async connect(): Promise<void> {
    if (this.#running !== undefined) return;
    this.#connecting ??= this.#start().finally(() => {
      this.#connecting = undefined;
    });
    const running = await this.#connecting;
    try {
      // Keys are made or loaded here; no round trip of our own: the user's first call carries initConnection.
      await running.pool.connection(running.homeDcId, false).open();
    } catch (error) {
      // disconnect() while we were connecting: say so, not "driver closed".
      throw disconnectedIfEnded(running, error);
    }
    await this.#openSecretChatsBeforeCatchUp();
    void this.updates.start();
    if (this.#usesBuiltInDcs) {
      // Off the connect path: a failure only means the next run starts from older addresses.
      this.refreshDcOptions().catch((error: unknown) => {
        this.#options.logger?.warn("help.getConfig failed; DC options not refreshed", error);
      });
    }
  }

  /** Stops every timer, retry loop and socket. Pending requests reject with `CancelledError("DISCONNECTED")`. */
  async disconnect(): Promise<void> {
    // A connect() still starting would otherwise set up its connections after we returned.
    await this.#connecting?.catch(() => undefined);
    const running = this.#running;
    this.#running = undefined;
    const files = this.#files;
    this.#files = undefined;
    await files?.close();
    if (running === undefined) return;
    await running.close();
    // What was received is delivered and its state saved before disconnect() returns.
    await this.updates.stop();
  }

  /**
   * Replaces every open connection now (pending requests are resent with their msg_id, so none runs
   * twice). Call it when the app knows the network changed: a browser `online` event, a new network
   * interface, a resume from sleep. Dead connections are also found on their own (`deadConnectionTimeoutMs`).
   */
  async reconnect(reason = "requested"): Promise<void> {
    await this.#running?.pool.reconnectAll(reason);
  }

  /**
   * Calls an API method, typed by the generated `RpcMethods` map. Flood waits under the threshold
   * and 5xx are retried, *_MIGRATE_X followed; every user and chat in the answer goes to `peers`.
   */
  invoke<M extends keyof RpcMethods>(
    request: RpcMethods[M]["request"] & { readonly _: M },
    options: InvokeOptions = {},
  ): Promise<RpcMethods[M]["result"]> {
    if (this.#running === undefined) return Promise.reject(new CancelledError("DISCONNECTED", "call connect() first"));
    return this.#running.run(request, options);
  }

  /** What the transfers run on (after `connect()`). */
  protected fileClient(): FileHost {
    if (this.#files === undefined) throw new CancelledError("DISCONNECTED", "call connect() first");
    return this.#files;
  }

  async #start(): Promise<RequestRunner> {
    const parts = await buildConnection({
      options: this.#options,
      storage: this.storage,
      directory: this.#directory,
      policy: this.#policy,
      device: this.#device,
      updates: this.updates,
      usesBuiltInDcs: this.#usesBuiltInDcs,
      gunzip: this.gunzip(),
      transportFor: (crypto) => this.transportFor(this.#options.transport, crypto),
      now: () => this.#now(),
      emit: (event) => {
        this.#emit(event);
      },
      ingest: (response) => this.#ingest(response),
      onPush: (update) => {
        this.#features.onPush(update);
      },
      prepareLifetimeSignal: (signal) => {
        this.prepareLifetimeSignal(signal);
      },
      refetchMessage: async (chatId, messageId, signal) => {
        const [message] = await getMessages(this.context, chatId, [messageId], { signal });
        return message?.raw;
      },
    });
    this.#crypto = parts.crypto;
    this.#files = parts.files;
    this.#running = parts.running;
    return parts.running;
  }

  /**
   * Every concurrent call listens to the lifetime signal while it runs (removed when it ends).
   * The Node entry lifts Node's 10-listener warning here; browsers have no such limit.
   */
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- a hook for subclasses
  protected prepareLifetimeSignal(_signal: AbortSignal): void {
    // Nothing to do outside Node.
  }

  /**
   * The transport factory for a `transport` option: a function is used as is, a string is resolved
   * here ("websocket" in browsers); `@mtkit/client/node` overrides this for TCP framings and MTProxy links.
   */
  protected transportFor(
    choice: TelegramClientOptions["transport"],
    crypto: CryptoProvider,
  ): (address: TransportAddress) => Transport {
    return transportFactory(choice, crypto);
  }

  /**
   * How incoming gzip_packed is inflated: the platform's DecompressionStream where it has one (its
   * native inflater, asynchronous; same running cap), else the portable one. `@mtkit/client/node`
   * returns undefined to keep the synchronous path.
   */
  protected gunzip(): AsyncGunzip | undefined {
    return hasGzipStreams() ? inflateWithStreams : undefined;
  }

  get #usesBuiltInDcs(): boolean {
    return this.#options.dcs === undefined && this.#options.testServer === undefined;
  }

  /**
   * Asks the home DC for help.getConfig and stores its dc_options, which the next run starts from
   * (https://core.telegram.org/api/datacenter). `connect()` does this on its own when the client
   * runs on the built-in DC table.
   */
  async refreshDcOptions(): Promise<void> {
    const config = await this.invoke({ _: "help.getConfig" });
    this.#directory.learn(config);
  }

  #require(): RequestRunner {
    if (this.#running === undefined) throw new CancelledError("DISCONNECTED", "call connect() first");
    return this.#running;
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }

  /** Undefined when the response names no peers (the hot path then skips an await). */
  #ingest(response: unknown): Promise<void> | undefined {
    return this.peers.ingestIfAny(response)?.then(
      () => undefined,
      (error: unknown) => {
        this.#options.logger?.error("peer cache could not store the users and chats of an answer", error);
      },
    );
  }

  #emit(event: ClientEvent): void {
    const logger = this.#options.logger;
    if (logger !== undefined) {
      const line = describeClientEvent(event);
      if (line !== undefined) logger[line.level](line.message, event);
    }
    this.#options.onEvent?.(event);
  }
}
