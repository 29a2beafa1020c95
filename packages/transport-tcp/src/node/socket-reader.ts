import type { Socket } from "node:net";
import { ByteQueue } from "../codec/byte-queue.js";
import { TransportError } from "../codec/errors.js";

/**
 * Reads exact byte counts from a socket during a proxy handshake, before the socket is handed to
 * the MTProto codec. `release()` returns any bytes read past the handshake.
 */
export class SocketReader {
  private readonly queue = new ByteQueue();
  private waiter: (() => void) | undefined;
  private ended: Error | undefined;
  private readonly onData = (chunk: Buffer): void => {
    this.queue.push(Uint8Array.from(chunk));
    this.wake();
  };
  private readonly onEnd = (): void => {
    this.ended = new TransportError("PROXY", "proxy closed the connection during the handshake");
    this.wake();
  };

  constructor(private readonly socket: Socket) {
    socket.on("data", this.onData);
    socket.on("close", this.onEnd);
    socket.on("error", this.onEnd);
  }

  async read(n: number): Promise<Uint8Array> {
    while (this.queue.length < n) {
      if (this.ended !== undefined) throw this.ended;
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
      });
    }
    return this.queue.take(n);
  }

  /** Reads until `delimiter` (inclusive), at most `limit` bytes. */
  async readUntil(delimiter: Uint8Array, limit: number): Promise<Uint8Array> {
    for (;;) {
      const found = this.indexOf(delimiter);
      if (found >= 0) return this.queue.take(found + delimiter.length);
      if (this.queue.length > limit) throw new TransportError("PROXY", "proxy answer too long");
      if (this.ended !== undefined) throw this.ended;
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
      });
    }
  }

  release(): Uint8Array {
    this.socket.off("data", this.onData);
    this.socket.off("close", this.onEnd);
    this.socket.off("error", this.onEnd);
    // Without a 'data' listener a flowing socket would drop bytes until the carrier attaches.
    this.socket.pause();
    return this.queue.takeAll();
  }

  private indexOf(delimiter: Uint8Array): number {
    const all = this.queue.peek(this.queue.length);
    outer: for (let i = 0; i + delimiter.length <= all.length; i++) {
      for (let j = 0; j < delimiter.length; j++) if (all[i + j] !== delimiter[j]) continue outer;
      return i;
    }
    return -1;
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.();
  }
}
