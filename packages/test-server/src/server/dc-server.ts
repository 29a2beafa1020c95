import { randomBytes } from "node:crypto";
import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import { TcpTransportServer } from "@mtkit/transport-tcp";
import type { ServerConnectionLink } from "@mtkit/transport-tcp/transport";
import { dispatchRpc } from "../api/rpc-dispatcher.js";
import type { HandlerRegistry } from "../api/handler-registry.js";
import type { DcEndpoint } from "../api/topology.js";
import type { RsaServerKey } from "../crypto/rsa-server-key.js";
import type { FaultKnobs } from "../faults/fault-knobs.js";
import type { CreatedAuthKey } from "../handshake/server-handshake.js";
import type { AuthKeyRecord } from "../session/auth-key-record.js";
import type { InboxDeps } from "../session/encrypted-inbox.js";
import { SaltSchedule } from "../session/salt-schedule.js";
import { ServerMsgIds } from "../session/server-msg-ids.js";
import { serveConnection } from "./serve-connection.js";
import { WsListener } from "./ws-listener.js";

export interface DcServerOptions {
  readonly id: number;
  /** Interface to listen on. */
  readonly host: string;
  /** Address put in dc_options (the listen host, or 127.0.0.1 for a wildcard host). */
  readonly advertisedHost: string;
  readonly port: number;
  /** Undefined: no WebSocket listener; 0: any free port. */
  readonly wsPort: number | undefined;
  readonly secrets: readonly string[];
  readonly crypto: CryptoProvider;
  readonly rsaKey: RsaServerKey;
  readonly handlers: HandlerRegistry;
  readonly faults: FaultKnobs;
  readonly nowMs: () => number;
  readonly saltPeriodSeconds: number;
  readonly onError: (error: unknown) => void;
}

const randomLong = (): bigint => randomBytes(8).readBigInt64LE(0);

/** One DC: its listeners, its auth keys (keys are never shared between DCs) and their sessions. */
export class DcServer {
  readonly keys = new Map<bigint, AuthKeyRecord>();
  private readonly links = new Set<ServerConnectionLink>();
  private readonly msgIds: ServerMsgIds;
  private tcp: TcpTransportServer | undefined;
  private ws: WsListener | undefined;

  constructor(private readonly options: DcServerOptions) {
    this.msgIds = new ServerMsgIds(options.nowMs);
  }

  get id(): number {
    return this.options.id;
  }

  get endpoint(): DcEndpoint {
    return { id: this.options.id, host: this.options.advertisedHost, port: this.tcp?.port ?? 0, wsPort: this.ws?.port };
  }

  async listen(): Promise<void> {
    const connectionOptions = { crypto: this.options.crypto, secrets: this.options.secrets };
    this.tcp = await TcpTransportServer.listen({ ...connectionOptions, host: this.options.host, port: this.options.port });
    this.tcp.onConnection((link) => {
      this.accept(link);
    });
    if (this.options.wsPort !== undefined) {
      this.ws = await WsListener.listen(this.options.host, this.options.wsPort, connectionOptions, (link) => {
        this.accept(link);
      });
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.tcp?.close(), this.ws?.close()]);
  }

  private nowSeconds(): number {
    return Math.floor(this.options.nowMs() / 1000);
  }

  /** Open client connections (TCP and WebSocket). */
  get connectionCount(): number {
    return this.links.size;
  }

  /** Closes every open connection now (clients reconnect; sessions and keys stay). */
  async dropConnections(): Promise<void> {
    await Promise.all([...this.links].map((link) => link.close()));
  }

  private accept(link: ServerConnectionLink): void {
    this.links.add(link);
    link.subscribe((event) => {
      if (event.type === "close") this.links.delete(link);
    });
    serveConnection(
      {
        handshake: { crypto: this.options.crypto, rsaKey: this.options.rsaKey, nowSeconds: () => this.nowSeconds() },
        inbox: this.inboxDeps(),
        msgIds: this.msgIds,
        dropAfterPackets: this.options.faults.takeDropAfterPackets(),
        addKey: (created) => {
          this.addKey(created);
        },
        onError: this.options.onError,
      },
      link,
    );
  }

  private addKey(created: CreatedAuthKey): void {
    const now = this.nowSeconds();
    const salts = new SaltSchedule(this.options.saltPeriodSeconds, randomLong);
    salts.seed(created.firstSalt, now);
    this.keys.set(created.authKey.idLong, {
      authKey: created.authKey,
      dcId: this.options.id,
      createdAt: now,
      expiresAt: created.expiresIn === undefined ? undefined : now + created.expiresIn,
      salts,
      sessions: new Map(),
      boundPermKeyId: undefined,
      layer: undefined,
      client: undefined,
      forceBadSalt: false,
    });
  }

  private inboxDeps(): InboxDeps {
    const dispatcher = {
      dcId: this.options.id,
      crypto: this.options.crypto,
      handlers: this.options.handlers,
      faults: this.options.faults,
      findKey: (id: bigint) => this.keys.get(id),
      onHandlerError: (error: unknown) => {
        this.options.onError(error);
      },
    };
    return {
      crypto: this.options.crypto,
      msgIds: this.msgIds,
      nowSeconds: () => this.nowSeconds(),
      randomLong,
      findKey: (id) => this.keys.get(id),
      rpc: (session, msgId, body) => {
        dispatchRpc(dispatcher, session, msgId, body);
      },
      destroyAuthKey: (session) => {
        session.flush();
        this.keys.delete(session.record.authKey.idLong);
      },
    };
  }
}
