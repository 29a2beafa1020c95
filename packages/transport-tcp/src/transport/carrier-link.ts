import type { PacketConnection } from "../codec/connection.js";
import { TransportError } from "../codec/errors.js";
import type { Frame } from "../codec/frame.js";
import { WRITTEN, type ByteCarrier } from "./carrier.js";
import { EventHub } from "./event-hub.js";
import type { SendOptions, TransportEvent, TransportListener } from "./types.js";

/**
 * Binds a sans-IO `PacketConnection` to a `ByteCarrier`: received bytes go through the codec and
 * come out as events; packets go through the codec and out to the carrier, in order. A codec error
 * (bad CRC, garbage...) closes the connection with that error.
 */
export class CarrierLink {
  private readonly hub = new EventHub();
  private carrier: ByteCarrier | undefined;
  private connection: PacketConnection | undefined;
  private writing = false;
  private writeWaiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  private closedWith: { error?: Error } | undefined;
  private closeWaiters: (() => void)[] = [];
  /** Set by `close()`: the carrier's close is then a clean one whatever it reports. */
  private closing = false;

  get closed(): boolean {
    return this.closedWith !== undefined;
  }

  get isAttached(): boolean {
    return this.carrier !== undefined && this.closedWith === undefined;
  }

  /** Starts using `carrier` with `connection`; flushes what the connection already wants to send. */
  attach(carrier: ByteCarrier, connection: PacketConnection): void {
    this.carrier = carrier;
    this.connection = connection;
    this.closedWith = undefined;
    this.closing = false;
    carrier.start({
      data: (bytes) => {
        this.onData(bytes);
      },
      close: (error) => {
        this.onCarrierClose(error);
      },
    });
    void this.flush().catch(() => undefined);
  }

  subscribe(listener: TransportListener): () => void {
    return this.hub.subscribe(listener);
  }

  send(packet: Uint8Array, options?: SendOptions): Promise<void> {
    // The hot path (every RPC): no closure per packet, unlike `withConnection`.
    const connection = this.connection;
    if (connection === undefined || this.closedWith !== undefined) {
      return Promise.reject(new TransportError("CLOSED", "the connection is not open"));
    }
    connection.sendPacket(packet, options?.quickAck === true);
    return this.flush();
  }

  /** Runs a codec operation (send, quick ack, status) and writes what it produced. */
  withConnection(operation: (connection: PacketConnection) => void): Promise<void> {
    if (this.connection === undefined || this.closedWith !== undefined) {
      return Promise.reject(new TransportError("CLOSED", "the connection is not open"));
    }
    operation(this.connection);
    return this.flush();
  }

  close(): Promise<void> {
    if (this.carrier === undefined || this.closedWith !== undefined) return Promise.resolve();
    const done = new Promise<void>((resolve) => this.closeWaiters.push(resolve));
    this.closing = true;
    this.carrier.close();
    return done;
  }

  /**
   * Writes leave in the order the codec produced them, one carrier write at a time. Bytes queued
   * while a write is in flight go out together in the next one (fewer syscalls for small packets).
   * Each caller's promise settles with the write that carried its bytes. With no write in flight the
   * bytes go out now, and a carrier that took them at once (`WRITTEN`) costs no queue entry, promise
   * or microtask: one RPC at a time then never waits for a turn of the event loop to be written.
   */
  private flush(): Promise<void> {
    if (this.writing) {
      return new Promise<void>((resolve, reject) => {
        this.writeWaiters.push({ resolve, reject });
      });
    }
    const carrier = this.carrier;
    const written = carrier === undefined ? undefined : this.writeNow(carrier);
    if (written === undefined || written === WRITTEN) return WRITTEN;
    this.writing = true;
    void this.pumpAfter(written);
    return written;
  }

  /** The write in flight is settled (its caller saw how); then what was queued meanwhile. */
  private async pumpAfter(inFlight: Promise<void>): Promise<void> {
    try {
      await inFlight;
    } catch {
      // Reported to the caller of that write; the link closes through the carrier's close event.
    }
    await this.pumpWrites();
  }

  private async pumpWrites(): Promise<void> {
    this.writing = true;
    for (;;) {
      const carrier = this.carrier;
      const write = carrier === undefined ? undefined : this.writeNow(carrier);
      const waiters = this.writeWaiters;
      this.writeWaiters = [];
      if (write === undefined) {
        for (const waiter of waiters) waiter.resolve();
        break;
      }
      try {
        await write;
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of waiters) waiter.reject(error);
      }
    }
    this.writing = false;
  }

  /** Writes everything the codec queued (vectored when both sides support it); undefined when nothing was queued. */
  private writeNow(carrier: ByteCarrier): Promise<void> | undefined {
    const connection = this.connection;
    if (connection === undefined) return undefined;
    if (carrier.writeParts !== undefined && connection.takeOutputParts !== undefined) {
      const parts = connection.takeOutputParts();
      return parts.length === 0 ? undefined : carrier.writeParts(parts);
    }
    const bytes = connection.takeOutput();
    return bytes === undefined ? undefined : carrier.write(bytes);
  }

  private onData(bytes: Uint8Array): void {
    if (this.connection === undefined || this.closedWith !== undefined) return;
    let frames: Frame[];
    try {
      frames = this.connection.receive(bytes);
    } catch (error) {
      this.fail(error instanceof Error ? error : new TransportError("CARRIER", String(error)));
      return;
    }
    // The codec may answer by itself (fake-TLS: the buffered init after the ServerHello).
    void this.flush().catch(() => undefined);
    for (const frame of frames) this.hub.emit(toEvent(frame));
  }

  private fail(error: Error): void {
    if (this.closedWith !== undefined) return;
    this.finish(error);
    this.carrier?.close();
  }

  private onCarrierClose(error?: Error): void {
    if (this.closedWith !== undefined) {
      this.releaseWaiters();
      return;
    }
    this.finish(this.closing ? undefined : error);
  }

  private finish(error?: Error): void {
    this.closedWith = error === undefined ? {} : { error };
    this.hub.emit(error === undefined ? { type: "close" } : { type: "close", error });
    this.releaseWaiters();
  }

  private releaseWaiters(): void {
    const waiters = this.closeWaiters;
    this.closeWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

function toEvent(frame: Frame): TransportEvent {
  switch (frame.kind) {
    case "packet":
      return { type: "packet", packet: frame.payload };
    case "quickAck":
      return { type: "quickAck", token: frame.token };
    case "status":
      return { type: "status", error: frame.error };
  }
}
