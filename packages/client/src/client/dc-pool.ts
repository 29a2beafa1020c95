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
  /** Media connections per DC (at least 1). */
  readonly mediaConnections: number;
}

/** Default media connections per DC: mtcute opens 4 for uploads on a regular account. */
export const DEFAULT_MEDIA_CONNECTIONS = 4;

/**
 * The connections of one connect() span: one main connection per DC, opened on first use, and
 * `mediaConnections` media connections per DC for file traffic (https://core.telegram.org/api/files),
 * each request going to the least busy one.
 */
export class DcPool {
  readonly #main = new Map<number, DcConnection>();
  /** By DC: every media connection object exists at once; each opens on its first request. */
  readonly #media = new Map<number, DcConnection[]>();
  #turn = 0;
  #closed = false;

  constructor(private readonly deps: DcPoolDeps) {}

  connection(dcId: number, media: boolean): DcConnection {
    // After close() nothing may open again: that would outlive disconnect().
    if (this.#closed) throw new CancelledError("DISCONNECTED", "the client was disconnected");
    if (media) return this.#leastBusy(this.#mediaOf(dcId));
    let connection = this.#main.get(dcId);
    if (connection === undefined) {
      connection = this.#open(dcId, this.#addressOf(dcId, false), false, undefined);
      this.#main.set(dcId, connection);
    }
    return connection;
  }

  /** The connection if it was made already (the hot path: no address lookup, no creation). */
  readyConnection(dcId: number, media: boolean): DcConnection | undefined {
    if (!media) return this.#main.get(dcId);
    const list = this.#media.get(dcId);
    return list === undefined ? undefined : this.#leastBusy(list);
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
    await Promise.all(this.#all().map((connection) => connection.reconnect(reason)));
  }

  async close(): Promise<void> {
    this.#closed = true;
    const all = this.#all();
    this.#main.clear();
    this.#media.clear();
    await Promise.all(all.map((connection) => connection.close()));
  }

  #all(): DcConnection[] {
    return [...this.#main.values(), ...[...this.#media.values()].flat()];
  }

  #addressOf(dcId: number, media: boolean): DcEndpointOption {
    const dc = this.deps.directory.get(dcId, media);
    if (dc === undefined) throw new RangeError(`unknown DC ${dcId}`);
    return dc;
  }

  #mediaOf(dcId: number): DcConnection[] {
    let list = this.#media.get(dcId);
    if (list === undefined) {
      const dc = this.#addressOf(dcId, true);
      const count = Math.max(1, Math.floor(this.deps.mediaConnections));
      const made: DcConnection[] = [];
      const first = this.#open(dcId, dc, true, undefined);
      made.push(first);
      for (let i = 1; i < count; i++) made.push(this.#open(dcId, dc, true, () => first.open()));
      list = made;
      this.#media.set(dcId, list);
    }
    return list;
  }

  /** Fewest requests in flight; ties go round the list, so idle connections take turns. */
  #leastBusy(list: readonly DcConnection[]): DcConnection {
    const start = this.#turn++ % list.length;
    let best = list[start]!;
    for (let i = 1; i < list.length && best.load > 0; i++) {
      const candidate = list[(start + i) % list.length]!;
      if (candidate.load < best.load) best = candidate;
    }
    return best;
  }

  #open(dcId: number, dc: DcEndpointOption, media: boolean, after: (() => Promise<void>) | undefined): DcConnection {
    const { deps } = this;
    return new DcConnection({
      ...deps.settings,
      ...(after === undefined ? {} : { after }),
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

/** The client's `pfs` option as the connections use it; undefined runs on the permanent key. */
export function pfsSettings(pfs: boolean | PfsOptions): PfsSettings | undefined {
  if (pfs === false) return undefined;
  const options = pfs === true ? {} : pfs;
  const lifetimeSeconds = options.tempKeyLifetimeSeconds ?? 86_400;
  const renewBeforeSeconds = Math.min(options.renewBeforeSeconds ?? 60, Math.floor(lifetimeSeconds / 2));
  return { lifetimeSeconds, renewBeforeSeconds };
}
