import type { Socket } from "node:net";
import { TransportError } from "../codec/errors.js";
import { WRITTEN, type ByteCarrier, type CarrierHandlers } from "../transport/carrier.js";

/** Up to this many bytes, the parts of one write are copied together (see `writeParts`). */
const COPY_LIMIT = 16 * 1024;

/**
 * A `ByteCarrier` over a connected `node:net` socket. `write()` resolves at once while the kernel
 * buffer has room and only after 'drain' when `socket.write()` returned false (back-pressure).
 */
export class SocketCarrier implements ByteCarrier {
  private readonly socket: Socket;
  private failure: Error | undefined;
  private readonly leftover: Uint8Array | undefined;

  /** `leftover`: bytes already read from the socket (e.g. past a proxy handshake). */
  constructor(socket: Socket, leftover?: Uint8Array) {
    this.socket = socket;
    this.leftover = leftover;
  }

  start(handlers: CarrierHandlers): void {
    if (this.leftover !== undefined && this.leftover.length > 0) handlers.data(this.leftover);
    this.socket.on("data", (chunk: Buffer) => {
      handlers.data(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
    });
    this.socket.on("error", (error) => {
      this.failure = new TransportError("CARRIER", `socket error: ${error.message}`, { cause: error.message });
    });
    this.socket.on("close", () => {
      handlers.close(this.failure);
    });
    // 'end' from the peer: finish our side too so 'close' follows.
    this.socket.on("end", () => {
      this.socket.end();
    });
    this.socket.resume();
  }

  write(bytes: Uint8Array): Promise<void> {
    if (this.socket.destroyed || !this.socket.writable)
      return Promise.reject(new TransportError("CLOSED", "socket is closed"));
    // No per-write callback: a failed write shows up as the socket's 'error' and 'close', which
    // close the link and reject what waits on it (below: the drain waiter).
    if (this.socket.write(bytes)) return WRITTEN;
    return new Promise((resolve, reject) => {
      const onDrain = (): void => {
        this.socket.off("close", onClose);
        resolve();
      };
      const onClose = (): void => {
        this.socket.off("drain", onDrain);
        reject(new TransportError("CLOSED", "socket closed while waiting for drain"));
      };
      this.socket.once("drain", onDrain);
      this.socket.once("close", onClose);
    });
  }

  /**
   * Several parts in order. Small packets (a 4-byte frame header and an RPC of a few hundred bytes)
   * are copied into one pooled Buffer and written once: a corked writev costs Node a request, arrays
   * and a Buffer view per part, far more than the copy. Large ones are corked, so the parts leave in
   * one syscall where possible without copying them.
   */
  writeParts(parts: Uint8Array[]): Promise<void> {
    if (parts.length === 1) return this.write(parts[0]!);
    let length = 0;
    for (const part of parts) length += part.length;
    if (length <= COPY_LIMIT) {
      // allocUnsafe under 4 KiB (half of Buffer.poolSize) slices Node's shared pool: no allocation of its own.
      const joined = Buffer.allocUnsafe(length);
      let offset = 0;
      for (const part of parts) {
        joined.set(part, offset);
        offset += part.length;
      }
      return this.write(joined);
    }
    if (this.socket.destroyed || !this.socket.writable)
      return Promise.reject(new TransportError("CLOSED", "socket is closed"));
    this.socket.cork();
    for (let i = 0; i < parts.length - 1; i++) this.socket.write(parts[i]!);
    const last = this.write(parts[parts.length - 1]!);
    this.socket.uncork();
    return last;
  }

  close(): void {
    if (this.socket.destroyed) return;
    // Nothing was ever written: there is nothing a graceful FIN would deliver, so free the socket
    // now (a server closing slowloris connections must not hold each one two more seconds).
    if (this.socket.bytesWritten === 0) {
      this.socket.destroy();
      return;
    }
    this.socket.end();
    // Nothing read after our close is used: stop reading, so a peer that keeps sending (a flood
    // closed by a server limit) costs no more memory while the FIN exchange runs.
    this.socket.pause();
    // A peer that never answers our FIN must not keep the socket open forever.
    setTimeout(() => {
      this.socket.destroy();
    }, 2000).unref();
  }
}
