import { gzipSync } from "node:zlib";
import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import {
  ServerConnection,
  ServerSessionStore,
  type ServerSession,
  type ServerSessionStoreOptions,
  type SessionEnvironment,
} from "@mtkit/session";
import { anyLayerRegistry } from "@mtkit/tl-core/layers";
import { FrameBufferBudget, TcpTransportServer, TransportError } from "@mtkit/transport-tcp";
import { WebSocketTransportServer } from "@mtkit/transport-ws";
import { HttpTransportServer } from "@mtkit/transport-http";
import type { ServerConnectionLink } from "@mtkit/transport-tcp/transport";
import type { KeyInfo } from "../api/client-info.js";
import type { LayerNotices } from "../api/layer-writers.js";
import type { HandlerRegistry } from "../api/handler-registry.js";
import { dispatchRequest, type DispatcherDeps } from "../api/rpc-dispatcher.js";
import type { DcEndpoint } from "../api/topology.js";
import type { FaultKnobs } from "../faults/fault-knobs.js";
import { DcKeyStore } from "./knob-key-store.js";
import { KnobSaltSchedule } from "./knob-salts.js";
import type { ListenerLimits } from "./listener-limits.js";
import { LimitCounters } from "./limit-counters.js";
import { HandshakeTimings } from "./handshake-timings.js";
import type { LinkHandle } from "./link-handle.js";
import type { ServerRsaKey } from "./rsa-key.js";
import { serveConnection, type ConnectionDeps } from "./serve-connection.js";

export interface DcServerOptions {
  readonly id: number;
  /** Interface to listen on. */
  readonly host: string;
  /** Address put in dc_options (the listen host, or 127.0.0.1 for a wildcard host). */
  readonly advertisedHost: string;
  readonly port: number;
  /** Undefined: no WebSocket listener; 0: any free port. */
  readonly wsPort: number | undefined;
  /** Undefined: no HTTP listener; 0: any free port. */
  readonly httpPort?: number | undefined;
  readonly secrets: readonly string[];
  readonly crypto: CryptoProvider;
  readonly rsaKey: ServerRsaKey;
  readonly handlers: HandlerRegistry;
  readonly faults: FaultKnobs;
  readonly nowMs: () => number;
  readonly saltPeriodSeconds: number;
  /** Bounds of the session store (sessions per key and in total, cached answers per session). */
  readonly sessionLimits: ServerSessionStoreOptions;
  /** Connection cap, deadlines and the partial-frame budget of this DC's listeners. */
  readonly limits: ListenerLimits;
  readonly onError: (error: unknown) => void;
  /** Logs, once per layer, a client's layer the server answers in a lower one. */
  readonly layerNotices: LayerNotices;
}

/** One DC: listeners, auth keys (never shared between DCs), sessions and salts. */
export class DcServer {
  readonly keys: DcKeyStore;
  readonly salts: KnobSaltSchedule;
  private readonly sessionStore: ServerSessionStore;
  private readonly sessionLinks = new WeakMap<ServerSession, LinkHandle>();
  private readonly links = new Set<ServerConnectionLink>();
  /** Connections closed by a listener limit, by reason (tests and the load bench read them). */
  readonly closedByLimits = new LimitCounters();
  /** The last auth-key handshakes as the server timed them (its own work, first packet to key). */
  readonly handshakeTimings = new HandshakeTimings();
  private readonly frameBufferBudget: FrameBufferBudget;
  private readonly env: SessionEnvironment;
  private readonly dispatcher: DispatcherDeps;
  private tcp: TcpTransportServer | undefined;
  private ws: WebSocketTransportServer | undefined;
  private http: HttpTransportServer | undefined;

  constructor(private readonly options: DcServerOptions) {
    const { crypto } = options;
    // Answers are gzip_packed where that pays, with node:zlib (native) rather than the portable gzip.
    this.env = {
      crypto,
      now: options.nowMs,
      randomBytes: (length) => crypto.randomFill(new Uint8Array(length)),
      gzip: (data) => gzipSync(data),
    };
    this.frameBufferBudget = new FrameBufferBudget(options.limits.frameBufferBytes);
    this.keys = new DcKeyStore(() => Math.floor(options.nowMs() / 1000));
    this.sessionStore = new ServerSessionStore(options.sessionLimits);
    this.salts = new KnobSaltSchedule(
      () => new DataView(this.env.randomBytes(8).buffer).getBigInt64(0, true),
      options.saltPeriodSeconds,
    );
    this.dispatcher = {
      dcId: options.id,
      handlers: options.handlers,
      faults: options.faults,
      keyInfo: (id) => this.keys.info(id),
      deliver: (session) => {
        this.deliver(session);
      },
      disconnect: (session) => {
        this.sessionLinks.get(session)?.close();
      },
      onLayer: (layer) => {
        options.layerNotices.announced(layer);
      },
      onHandlerError: (error) => {
        options.onError(error);
      },
    };
  }

  get id(): number {
    return this.options.id;
  }

  get endpoint(): DcEndpoint {
    return {
      id: this.options.id,
      host: this.options.advertisedHost,
      port: this.tcp?.port ?? 0,
      wsPort: this.ws?.port,
      ...(this.http === undefined ? {} : { httpPort: this.http.port }),
    };
  }

  /**
   * Client sessions this DC holds (they outlive connections), least recently used first. The session
   * store bounds them (`sessionLimits`); sessions of keys that are gone are dropped here.
   */
  get sessions(): readonly ServerSession[] {
    for (const session of this.sessionStore.values()) {
      const keyId = session.keyRecord.authKey.idLong;
      if (this.keys.get(keyId) === undefined) this.sessionStore.deleteKey(keyId);
    }
    return this.sessionStore.values();
  }

  /** Open client connections (TCP and WebSocket). */
  get connectionCount(): number {
    return this.links.size;
  }

  /** Layer and client app announced on an auth key. */
  keyInfo(authKeyId: bigint): KeyInfo {
    return this.keys.info(authKeyId);
  }

  async listen(): Promise<void> {
    const connectionOptions = {
      crypto: this.options.crypto,
      secrets: this.options.secrets,
      frameBufferBudget: this.frameBufferBudget,
    };
    this.tcp = await TcpTransportServer.listen({
      ...connectionOptions,
      host: this.options.host,
      port: this.options.port,
    });
    this.tcp.onConnection((link) => {
      this.accept(link);
    });
    if (this.options.wsPort !== undefined) {
      this.ws = await WebSocketTransportServer.listen({
        ...connectionOptions,
        host: this.options.host,
        port: this.options.wsPort,
      });
      this.ws.onConnection((link) => {
        this.accept(link);
      });
    }
    if (this.options.httpPort !== undefined) this.http = await this.listenHttp(this.options.httpPort);
  }

  /**
   * The HTTP transport (https://core.telegram.org/mtproto/transports#http) under the same limits: its
   * sockets capped like connections, the whole request due within the transport-init deadline, bodies
   * in the shared partial-frame budget; its virtual connections count as connections.
   */
  private async listenHttp(port: number): Promise<HttpTransportServer> {
    const { limits } = this.options;
    const http = await HttpTransportServer.listen({
      host: this.options.host,
      port,
      frameBufferBudget: this.frameBufferBudget,
      maxSockets: limits.maxConnections,
      requestTimeoutMs: limits.transportInitMs,
    });
    http.onConnection((link) => {
      this.accept(link);
    });
    return http;
  }

  /** Closes every open connection now (clients reconnect; sessions and keys stay). */
  async dropConnections(): Promise<void> {
    await Promise.all([...this.links].map((link) => link.close()));
  }

  async close(): Promise<void> {
    await Promise.all([this.tcp?.close(), this.ws?.close(), this.http?.close()]);
  }

  /** Sends what `session` queued through its current connection; kept for the next one otherwise. */
  deliver(session: ServerSession): void {
    const link = this.sessionLinks.get(session);
    if (link?.open === true) link.send(session.flush());
  }

  /** Bytes held in partial frames by this DC's connections right now. */
  get frameBufferedBytes(): number {
    return this.frameBufferBudget.usedBytes;
  }

  private accept(link: ServerConnectionLink): void {
    const { limits } = this.options;
    if (this.links.size >= limits.maxConnections) {
      this.closedByLimits.add("connection-cap");
      void link.close();
      return;
    }
    this.links.add(link);
    link.subscribe((event) => {
      if (event.type !== "close") return;
      this.links.delete(link);
      if (event.error instanceof TransportError && event.error.code === "BUFFER_BUDGET")
        this.closedByLimits.add("frame-budget");
    });
    // Fault knobs apply to connections in the order they are accepted, so they are taken now.
    const { faults } = this.options;
    const generation = faults.silencedGeneration;
    const forceDhRetry = faults.takeDhGenRetry();
    const dropAfterPackets = faults.takeDropAfterPackets();
    const blackholeAfterPackets = faults.takeBlackholeAfterPackets();
    serveConnection(
      link,
      limits,
      (reason) => {
        this.closedByLimits.add(reason);
      },
      () => this.wire({ generation, forceDhRetry, dropAfterPackets, blackholeAfterPackets }),
    );
  }

  /** The session core and wiring of a connection, made when its first whole packet arrives. */
  private wire(taken: {
    readonly generation: number;
    readonly forceDhRetry: boolean;
    readonly dropAfterPackets: number | undefined;
    readonly blackholeAfterPackets: number | undefined;
  }): ConnectionDeps {
    const { faults } = this.options;
    const { generation, forceDhRetry, dropAfterPackets, blackholeAfterPackets } = taken;
    return {
      core: new ServerConnection({
        env: this.env,
        keys: this.keys,
        sessions: this.sessionStore,
        salts: this.salts,
        rsaKeys: [this.options.rsaKey.privateKey],
        // Requests of any known layer are read into layer-228 objects (tl-core/layers).
        apiRegistry: anyLayerRegistry(),
        forceDhRetry,
      }),
      dropAfterPackets,
      blackholeAfterPackets,
      silencedSinceAccept: () => faults.silencedGeneration !== generation,
      attach: (session, handle) => {
        this.sessionLinks.set(session, handle);
      },
      request: (session, reqMsgId, request) => {
        dispatchRequest(this.dispatcher, session, reqMsgId, request);
      },
      onError: this.options.onError,
      onHandshake: (timing) => {
        this.handshakeTimings.record(timing);
      },
    };
  }
}
