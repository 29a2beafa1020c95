import { connect, type Socket } from "node:net";
import { TransportError } from "../codec/errors.js";

/** Opens a TCP connection with a timeout and abort support; rejects with a `TransportError`. */
export function connectSocket(
  host: string,
  port: number,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<Socket> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(new TransportError("CLOSED", "connect aborted"));
      return;
    }
    const socket = connect({ host, port });
    const cleanup = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      socket.off("error", onError);
      socket.off("connect", onConnect);
    };
    const fail = (error: TransportError): void => {
      cleanup();
      socket.destroy();
      reject(error);
    };
    const onConnect = (): void => {
      cleanup();
      resolve(socket);
    };
    const onError = (error: Error): void => {
      fail(new TransportError("CARRIER", `connect to ${host}:${port} failed: ${error.message}`));
    };
    const onAbort = (): void => {
      fail(new TransportError("CLOSED", "connect aborted"));
    };
    const timer = setTimeout(() => {
      fail(
        new TransportError("CONNECT_TIMEOUT", `connect to ${host}:${port} timed out after ${timeoutMs} ms`, {
          timeoutMs,
        }),
      );
    }, timeoutMs);
    socket.once("connect", onConnect);
    socket.once("error", onError);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
