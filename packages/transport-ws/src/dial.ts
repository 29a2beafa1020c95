import { TransportError } from "@mtkit/transport-tcp/codec";
import type { WebSocketConstructor, WebSocketLike } from "./websocket-like.js";

/**
 * Opens a WebSocket with `Sec-WebSocket-Protocol: binary` (Telegram requires it) and resolves once
 * it is open; rejects with a `TransportError` on failure, timeout or abort.
 */
export function openWebSocket(
  WebSocketImpl: WebSocketConstructor,
  url: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<WebSocketLike> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(new TransportError("CLOSED", "connect aborted"));
      return;
    }
    const socket = new WebSocketImpl(url, "binary");
    socket.binaryType = "arraybuffer";
    const settle = (error?: TransportError): void => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      socket.onopen = null;
      socket.onerror = null;
      socket.onclose = null;
      if (error === undefined) {
        resolve(socket);
        return;
      }
      try {
        socket.close();
      } catch {
        // closing a socket that never opened may throw; the error below is what matters
      }
      reject(error);
    };
    const onAbort = (): void => {
      settle(new TransportError("CLOSED", "connect aborted"));
    };
    const timer = setTimeout(() => {
      settle(
        new TransportError("CONNECT_TIMEOUT", `WebSocket ${url} did not open within ${timeoutMs} ms`, { timeoutMs }),
      );
    }, timeoutMs);
    socket.onopen = () => {
      settle();
    };
    socket.onerror = () => {
      settle(new TransportError("CARRIER", `WebSocket ${url} failed to open`));
    };
    socket.onclose = (event) => {
      settle(
        new TransportError("CARRIER", `WebSocket ${url} closed before opening (${event.code})`, { code: event.code }),
      );
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
