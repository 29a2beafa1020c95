import { ClientConnection, type ClientConnectionOptions } from "../codec/client-connection.js";
import { TransportError } from "../codec/errors.js";
import type { ByteCarrier } from "./carrier.js";
import { anySignal } from "./any-signal.js";
import { CarrierLink } from "./carrier-link.js";
import type { DcAddress, SendOptions, Transport, TransportListener } from "./types.js";

/** Opens a carrier to `address` (TCP socket, WebSocket...). Rejects on failure or abort. */
export type Dialer = (address: DcAddress, signal: AbortSignal | undefined) => Promise<ByteCarrier>;

export interface StreamTransportOptions {
  readonly dial: Dialer;
  /** Codec options per connection; a function lets the DC id go into the obfuscation header. */
  readonly connection: ClientConnectionOptions | ((address: DcAddress) => ClientConnectionOptions);
}

/**
 * A `Transport` for any byte-stream carrier: dial, then run a fresh `ClientConnection` (tag or
 * obfuscation header first) over it. TCP and WebSocket transports are this plus a dialer.
 */
export class StreamTransport implements Transport {
  private readonly link = new CarrierLink();
  private readonly options: StreamTransportOptions;
  /** Set while dialing, so `close()` can abort a connect in progress. */
  private dialing: AbortController | undefined;

  constructor(options: StreamTransportOptions) {
    this.options = options;
  }

  get closed(): boolean {
    return this.link.closed || !this.link.isAttached;
  }

  async connect(address: DcAddress, options?: { readonly signal?: AbortSignal }): Promise<void> {
    if (this.link.isAttached || this.dialing !== undefined)
      throw new TransportError("INVALID_STATE", "already connected or connecting; close() first");
    const connectionOptions =
      typeof this.options.connection === "function" ? this.options.connection(address) : this.options.connection;
    const connection = new ClientConnection(connectionOptions);
    const dialing = new AbortController();
    this.dialing = dialing;
    const signal = options?.signal === undefined ? dialing.signal : anySignal([options.signal, dialing.signal]);
    try {
      const carrier = await this.options.dial(address, signal);
      if (dialing.signal.aborted) {
        carrier.close();
        throw new TransportError("CLOSED", "closed while connecting");
      }
      this.link.attach(carrier, connection);
    } finally {
      this.dialing = undefined;
    }
  }

  send(packet: Uint8Array, options?: SendOptions): Promise<void> {
    return this.link.send(packet, options);
  }

  subscribe(listener: TransportListener): () => void {
    return this.link.subscribe(listener);
  }

  close(): Promise<void> {
    this.dialing?.abort();
    return this.link.close();
  }
}
