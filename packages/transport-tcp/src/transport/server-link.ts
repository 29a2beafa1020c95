import { ServerConnection, type ServerConnectionOptions } from "../codec/server-connection.js";
import type { ConnectionInfo } from "../codec/connection.js";
import type { ByteCarrier } from "./carrier.js";
import { CarrierLink } from "./carrier-link.js";
import type { SendOptions, ServerConnectionLink, TransportListener } from "./types.js";

/**
 * Server side of one accepted carrier (TCP socket, WebSocket, pipe end): detects the client's
 * transport from its first bytes and exposes packets as events. Used by every `TransportServer`.
 */
export class CarrierServerConnection implements ServerConnectionLink {
  readonly remote: string;
  private readonly link = new CarrierLink();
  private readonly connection: ServerConnection;

  constructor(carrier: ByteCarrier, options: ServerConnectionOptions, remote: string) {
    this.remote = remote;
    this.connection = new ServerConnection(options);
    this.link.attach(carrier, this.connection);
    this.link.subscribe((event) => {
      if (event.type === "close") this.connection.release();
    });
  }

  get info(): ConnectionInfo | undefined {
    return this.connection.info;
  }

  get closed(): boolean {
    return this.link.closed;
  }

  send(packet: Uint8Array, options?: SendOptions): Promise<void> {
    return this.link.send(packet, options);
  }

  sendQuickAck(token: number): Promise<void> {
    return this.link.withConnection(() => {
      this.connection.sendQuickAck(token);
    });
  }

  sendStatus(status: number): Promise<void> {
    return this.link.withConnection(() => {
      this.connection.sendStatus(status);
    });
  }

  subscribe(listener: TransportListener): () => void {
    return this.link.subscribe(listener);
  }

  close(): Promise<void> {
    return this.link.close();
  }
}
