import { HandshakeError } from "../errors.js";
import { ClientHandshake, type ClientHandshakeOptions } from "../handshake/client-handshake.js";
import type { HandshakeResult } from "../handshake/types.js";
import type { DriverTimers, DriverTransport } from "./transport.js";
import { realTimers } from "./transport.js";

/**
 * Runs the client side of auth-key creation over an already connected transport. Rejects with
 * the machine's HandshakeError, or TIMEOUT / CONNECTION_CLOSED.
 */
export function createAuthKeyOverTransport(
  transport: DriverTransport,
  options: ClientHandshakeOptions & { readonly timeoutMs?: number; readonly timers?: DriverTimers },
): Promise<HandshakeResult> {
  const handshake = new ClientHandshake(options);
  const timers = options.timers ?? realTimers;
  return new Promise<HandshakeResult>((resolve, reject) => {
    const finish = (error: Error | undefined): void => {
      unsubscribe();
      timers.clearTimeout(timer);
      if (error !== undefined) reject(error);
      else resolve(handshake.result!);
    };
    const timer = timers.setTimeout(() => {
      finish(new HandshakeError("TIMEOUT", "auth key creation timed out", handshake.state));
    }, options.timeoutMs ?? 30_000);
    const unsubscribe = transport.subscribe((event) => {
      if (event.type === "close" || event.type === "status") {
        finish(
          new HandshakeError("CONNECTION_CLOSED", `connection ${event.type} during auth key creation`, handshake.state),
        );
        return;
      }
      if (event.type !== "packet") return;
      try {
        const next = handshake.receive(event.packet);
        if (next !== undefined)
          transport.send(next).catch((e: unknown) => {
            finish(e as Error);
          });
        else if (handshake.result !== undefined) finish(undefined);
      } catch (error) {
        finish(error as Error);
      }
    });
    transport.send(handshake.start()).catch((e: unknown) => {
      finish(e as Error);
    });
  });
}
