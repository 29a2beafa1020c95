import type { SessionDriverEvent } from "@mtkit/session";
import type { TypeConfig } from "@mtkit/tl-core/api";
import { CancelledError } from "../retry/cancelled-error.js";
import { DcConnection, type ConnectionSettings, type PfsSettings } from "./dc-connection.js";
import type { DcDirectory } from "./dc-directory.js";
import type { ClientEvent, DcEndpointOption, PfsOptions } from "./options.js";

export interface DcPoolDeps {
  /** Shared by every connection the pool opens. */
  readonly settings: ConnectionSettings;
  readonly directory: DcDirectory;
  readonly emit: (event: ClientEvent) => void;
}

/**
 * The connections of one connect() span: one main connection per DC, opened on first use, and a
 * separate media connection per DC for file traffic (https://core.telegram.org/api/files).
 */
export class DcPool {
  /** By `connectionKey(dcId, media)`. */
  readonly #connections = new Map<number, DcConnection>();
  #closed = false;

  constructor(private readonly deps: DcPoolDeps) {}

  connection(dcId: number, media: boolean): DcConnection {
    // After close() nothing may open again: that would outlive disconnect().
    if (this.#closed) throw new CancelledError("DISCONNECTED", "the client was disconnected");
    const key = connectionKey(dcId, media);
    let connection = this.#connections.get(key);
    if (connection === undefined) {
      const dc = this.deps.directory.get(dcId, media);
      if (dc === undefined) throw new RangeError(`unknown DC ${dcId}`);
      connection = this.#open(dcId, dc, media);
      this.#connections.set(key, connection);
    }
    return connection;
  }

  /** The connection if it was opened already (the hot path: no address lookup, no creation). */
  readyConnection(dcId: number, media: boolean): DcConnection | undefined {
    return this.#connections.get(connectionKey(dcId, media));
  }

  /** The DC's address, asking `homeDcId` for help.getConfig when the DC is not known yet. */
  async address(dcId: number, homeDcId: number): Promise<DcEndpointOption> {
    let dc = this.deps.directory.get(dcId);
    if (dc === undefined && dcId !== homeDcId) {
      const config = await this.connection(homeDcId, false).invoke({ _: "help.getConfig" }, {});
      this.deps.directory.learn(config as TypeConfig);
      dc = this.deps.directory.get(dcId);
    }
    if (dc === undefined) throw new RangeError(`unknown DC ${dcId}`);
    return dc;
  }

  /** Every open connection drops its socket and connects again (see `TelegramClient.reconnect`). */
  async reconnectAll(reason: string): Promise<void> {
    await Promise.all([...this.#connections.values()].map((connection) => connection.reconnect(reason)));
  }

  async close(): Promise<void> {
    this.#closed = true;
    const all = [...this.#connections.values()];
    this.#connections.clear();
    await Promise.all(all.map((connection) => connection.close()));
  }

  #open(dcId: number, dc: DcEndpointOption, media: boolean): DcConnection {
    const { deps } = this;
    return new DcConnection({
      ...deps.settings,
      address: {
        dcId,
        host: dc.host,
        port: dc.port,
        ...(media ? { media: true } : {}),
        ...(dc.testMode === true ? { testMode: true } : {}),
      },
      onBound: (expiresAt) => {
        deps.emit({ type: "temp_key_bound", dcId, expiresAt });
      },
      onSessionEvent: (event) => {
        const client = clientEventOf(event, dcId, media);
        if (client !== undefined) deps.emit(client);
      },
    });
  }
}

/** The session events the client reports (the rest are the session layer's own business). */
function clientEventOf(event: SessionDriverEvent, dcId: number, media: boolean): ClientEvent | undefined {
  switch (event.type) {
    case "update":
      return { type: "update", dcId, update: event.update };
    case "new-session":
      return { type: "new_session", dcId, media };
    case "connection-dead":
      return { type: "connection_lost", dcId, media, reason: `nothing arrived for ${event.silentMs} ms` };
    case "reconnecting":
      // "dead" was reported as connection_lost just before; other reasons come from reconnect().
      return event.reason === "dead" ? undefined : { type: "connection_lost", dcId, media, reason: event.reason };
    case "connection-dropped":
      return { type: "connection_lost", dcId, media, reason: "the connection was closed by the network or the server" };
    case "connection-suspect":
      return { type: "connection_suspect", dcId, media, lateMs: event.lateMs };
    case "connection-lost":
      // Closed with an error (a packet over the maximum, a codec error): never silent.
      return { type: "connection_lost", dcId, media, reason: reasonOf(event.error) };
    case "rejected":
    case "dropped":
      return { type: "packet_rejected", dcId, media, code: event.error.code };
    default:
      return undefined;
  }
}

/** `CODE: message` for typed errors (TransportError, SessionError), the message otherwise. */
function reasonOf(error: Error): string {
  const code = (error as { readonly code?: unknown }).code;
  return typeof code === "string" && !error.message.startsWith(code) ? `${code}: ${error.message}` : error.message;
}

/** A number, not a string: this runs on every request. */
function connectionKey(dcId: number, media: boolean): number {
  return dcId * 2 + (media ? 1 : 0);
}

/** The client's `pfs` option as the connections use it; undefined runs on the permanent key. */
export function pfsSettings(pfs: boolean | PfsOptions): PfsSettings | undefined {
  if (pfs === false) return undefined;
  const options = pfs === true ? {} : pfs;
  const lifetimeSeconds = options.tempKeyLifetimeSeconds ?? 86_400;
  const renewBeforeSeconds = Math.min(options.renewBeforeSeconds ?? 60, Math.floor(lifetimeSeconds / 2));
  return { lifetimeSeconds, renewBeforeSeconds };
}
