// docs/build-your-own-transport.md walks through this file. A transport is a byte carrier plus
// the sans-IO codec from @mtkit/transport-tcp: here the carrier is any Node Duplex stream (a TCP
// socket, a Unix socket, a child process's stdio, a TLS tunnel...).
import { connect } from "node:net";
import type { Duplex } from "node:stream";
import type { ClientConnectionOptions } from "@mtkit/transport-tcp/codec";
import {
  StreamTransport,
  type ByteCarrier,
  type CarrierHandlers,
  type DcAddress,
  type Transport,
} from "@mtkit/transport-tcp/transport";

/** Step 1: the carrier moves raw bytes and reports data and close. Nothing MTProto-specific. */
export class DuplexCarrier implements ByteCarrier {
  constructor(private readonly stream: Duplex) {}

  write(bytes: Uint8Array): Promise<void> {
    // Resolving after the callback gives the session back-pressure.
    return new Promise((resolve, reject) => {
      this.stream.write(bytes, (error) => {
        if (error) reject(error);
        else resolve();
      });
    });
  }

  close(): void {
    this.stream.destroy();
  }

  start(handlers: CarrierHandlers): void {
    this.stream.on("data", (chunk: Buffer) => {
      handlers.data(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    });
    this.stream.on("error", (error) => {
      handlers.close(error);
    });
    this.stream.on("close", () => {
      handlers.close();
    });
  }
}

/** Step 2: a dialer opens the stream for an address; here a plain TCP socket. */
function dialTcp(address: DcAddress): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: address.host, port: address.port }, () => {
      socket.off("error", reject);
      resolve(socket);
    });
    socket.once("error", reject);
  });
}

/**
 * Step 3: StreamTransport runs a fresh codec (framing, optional obfuscation) over each dialed
 * carrier and implements the whole `Transport` contract the session consumes.
 */
export function createDuplexTransport(
  codec: ClientConnectionOptions,
  dial: (address: DcAddress) => Promise<Duplex> = dialTcp,
): Transport {
  return new StreamTransport({
    connection: codec,
    dial: async (address) => new DuplexCarrier(await dial(address)),
  });
}
