import { connect } from "node:net";
import type { Transport, TransportEvent } from "@mtkit/transport-tcp/transport";

/** A packet that routes like an encrypted one: auth_key_id `keyByte` x 8, then `body`. */
export function keyedPacket(keyByte: number, ...body: number[]): Uint8Array {
  return Uint8Array.from([...new Array<number>(8).fill(keyByte), ...body]);
}

/** Every event of `transport`, and a way to wait for the next one of a type. */
export function recorder(transport: Transport): {
  events: TransportEvent[];
  next: (type: TransportEvent["type"], ms?: number) => Promise<TransportEvent>;
} {
  const events: TransportEvent[] = [];
  const waiters: { type: TransportEvent["type"]; resolve: (event: TransportEvent) => void }[] = [];
  transport.subscribe((event) => {
    events.push(event);
    const index = waiters.findIndex((waiter) => waiter.type === event.type);
    if (index >= 0) waiters.splice(index, 1)[0]!.resolve(event);
  });
  const next = (type: TransportEvent["type"], ms = 5000): Promise<TransportEvent> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`no ${type} event within ${String(ms)} ms`));
      }, ms);
      waiters.push({
        type,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
      });
    });
  return { events, next };
}

/** Writes raw bytes to `port` and collects what comes back until the server closes (or `ms`). */
export function rawExchange(
  port: number,
  parts: readonly (string | Uint8Array)[],
  ms = 5000,
): Promise<{ reply: string; closedByServer: boolean }> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    let reply = "";
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ reply, closedByServer: false });
    }, ms);
    socket.on("data", (chunk: Buffer) => {
      reply += chunk.toString("latin1");
    });
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ reply, closedByServer: true });
    });
    socket.on("connect", () => {
      for (const part of parts) socket.write(part);
    });
  });
}
