import type { Socket } from "node:net";
import { TransportError } from "../codec/errors.js";
import type { ByteCarrier, CarrierHandlers } from "../transport/carrier.js";

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
    return new Promise((resolve, reject) => {
      const flushed = this.socket.write(bytes, (error) => {
        if (error) reject(new TransportError("CARRIER", `write failed: ${error.message}`));
      });
      if (flushed) resolve();
      else {
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
      }
    });
  }

  /** Vectored write: corked, so the parts leave in one syscall where possible. */
  writeParts(parts: Uint8Array[]): Promise<void> {
    if (parts.length === 1) return this.write(parts[0]!);
    if (this.socket.destroyed || !this.socket.writable)
      return Promise.reject(new TransportError("CLOSED", "socket is closed"));
    this.socket.cork();
    for (const part of parts.slice(0, -1)) this.socket.write(part);
    const last = this.write(parts.at(-1)!);
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
