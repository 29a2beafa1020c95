import type { ClientConnectionOptions } from "../codec/client-connection.js";
import type { ServerConnectionOptions } from "../codec/server-connection.js";
import { TransportError } from "../codec/errors.js";
import type { ByteCarrier, CarrierHandlers } from "./carrier.js";
import { CarrierServerConnection } from "./server-link.js";
import { StreamTransport } from "./stream-transport.js";
import type { ServerConnectionLink, Transport, TransportServer } from "./types.js";

/**
 * One end of an in-memory byte pipe. Delivery is asynchronous (a microtask), like a socket, so
 * code under test sees the same ordering it would see on a real network.
 */
class PipeEnd implements ByteCarrier {
  peer: PipeEnd | undefined;
  private handlers: CarrierHandlers | undefined;
  private inbox: Uint8Array[] = [];
  private isClosed = false;

  start(handlers: CarrierHandlers): void {
    this.handlers = handlers;
    const queued = this.inbox;
    this.inbox = [];
    for (const bytes of queued) handlers.data(bytes);
    if (this.isClosed) handlers.close();
  }

  write(bytes: Uint8Array): Promise<void> {
    if (this.isClosed) return Promise.reject(new TransportError("CLOSED", "pipe closed"));
    const copy = Uint8Array.from(bytes);
    const peer = this.peer!;
    queueMicrotask(() => {
      peer.deliver(copy);
    });
    return Promise.resolve();
  }

  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    queueMicrotask(() => {
      this.handlers?.close();
      this.peer?.remoteClosed();
    });
  }

  private deliver(bytes: Uint8Array): void {
    if (this.isClosed) return;
    if (this.handlers === undefined) this.inbox.push(bytes);
    else this.handlers.data(bytes);
  }

  private remoteClosed(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.handlers?.close();
  }
}

function pipeEnds(): [PipeEnd, PipeEnd] {
  const a = new PipeEnd();
  const b = new PipeEnd();
  a.peer = b;
  b.peer = a;
  return [a, b];
}

export interface PipeServerOptions {
  /** How the server side detects and decodes (secrets, crypto...). */
  readonly server?: ServerConnectionOptions;
}

/**
 * An in-memory `TransportServer` plus a factory of client `Transport`s that connect to it. Every
 * byte goes through the real codecs (client options per transport), so a session test exercises
 * the exact bytes a socket would carry, without a socket.
 */
export class PipeTransportServer implements TransportServer {
  private readonly handlers = new Set<(connection: ServerConnectionLink) => void>();
  private readonly connections = new Set<CarrierServerConnection>();
  private readonly options: ServerConnectionOptions;

  constructor(options: PipeServerOptions = {}) {
    this.options = options.server ?? {};
  }

  onConnection(handler: (connection: ServerConnectionLink) => void): () => void {
    this.handlers.add(handler);
    return () => {
      this.handlers.delete(handler);
    };
  }

  /** A client transport whose `connect()` opens a new pipe to this server (the address is ignored). */
  createTransport(connection: ClientConnectionOptions = {}): Transport {
    return new StreamTransport({
      connection,
      dial: () => {
        const [clientEnd, serverEnd] = pipeEnds();
        const server = new CarrierServerConnection(serverEnd, this.options, "pipe");
        this.connections.add(server);
        server.subscribe((event) => {
          if (event.type === "close") this.connections.delete(server);
        });
        for (const handler of this.handlers) handler(server);
        return Promise.resolve(clientEnd);
      },
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.connections].map((c) => c.close()));
  }
}

/** Shortcut: a connected client transport and its server-side connection. */
export async function createPipePair(
  options: { readonly client?: ClientConnectionOptions; readonly server?: ServerConnectionOptions } = {},
): Promise<{ client: Transport; server: ServerConnectionLink }> {
  const pipeServer = new PipeTransportServer(options.server === undefined ? {} : { server: options.server });
  let server: ServerConnectionLink | undefined;
  pipeServer.onConnection((connection) => {
    server = connection;
  });
  const client = pipeServer.createTransport(options.client);
  await client.connect({ dcId: 2, host: "pipe", port: 0 });
  return { client, server: server! };
}
