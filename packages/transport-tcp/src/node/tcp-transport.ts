import type { ClientConnectionOptions } from "../codec/client-connection.js";
import { TransportError } from "../codec/errors.js";
import { StreamTransport } from "../transport/stream-transport.js";
import type { DcAddress, Transport } from "../transport/types.js";
import { connectSocket } from "./connect-socket.js";
import { openProxyTunnel, type ProxyConfig } from "./proxy.js";
import { SocketCarrier } from "./socket-carrier.js";
import { applySocketTuning, type SocketTuning } from "./socket-options.js";

export interface TcpTransportOptions extends ClientConnectionOptions, SocketTuning {
  /** Give up connecting after this many ms (proxy handshake included). Default 10 000. */
  readonly connectTimeoutMs?: number;
  /** Reach the DC through a SOCKS5 or HTTP CONNECT proxy. */
  readonly proxy?: ProxyConfig;
  /** Write the address's DC id into the obfuscation header (test: +10000, media: negative). Default true. */
  readonly dcIdInHeader?: boolean;
}

/**
 * MTProto over TCP (node:net): any framing, optional obfuscation and MTProxy secret, optional
 * SOCKS5/HTTP proxy. https://core.telegram.org/mtproto/transports#tcp
 */
export function createTcpTransport(options: TcpTransportOptions = {}): Transport {
  return new StreamTransport({
    connection: (address) => connectionFor(options, address),
    dial: async (address, signal) => {
      const timeout = options.connectTimeoutMs ?? 10_000;
      const deadline = AbortSignal.timeout(timeout);
      const combined = signal === undefined ? deadline : AbortSignal.any([signal, deadline]);
      const proxy = options.proxy;
      const socket = await connectSocket(proxy?.host ?? address.host, proxy?.port ?? address.port, timeout, signal);
      applySocketTuning(socket, options);
      if (proxy === undefined) return new SocketCarrier(socket);
      try {
        const leftover = await withAbort(
          openProxyTunnel(socket, proxy, address.host, address.port),
          combined,
          deadline,
        );
        return new SocketCarrier(socket, leftover);
      } catch (error) {
        socket.destroy();
        throw error;
      }
    },
  });
}

/** The DC id as MTProxies expect it: +10000 for test DCs, negative for media DCs. */
export function headerDcId(address: DcAddress): number {
  const id = address.testMode === true ? address.dcId + 10000 : address.dcId;
  return address.media === true ? -id : id;
}

function connectionFor(options: TcpTransportOptions, address: DcAddress): ClientConnectionOptions {
  const obfuscation = options.obfuscation;
  if (obfuscation === undefined || obfuscation === false || options.dcIdInHeader === false) return options;
  const base = obfuscation === true ? {} : obfuscation;
  return { ...options, obfuscation: { dcId: headerDcId(address), ...base } };
}

function withAbort<T>(promise: Promise<T>, signal: AbortSignal, deadline: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      reject(
        deadline.aborted
          ? new TransportError("CONNECT_TIMEOUT", "proxy handshake timed out")
          : new TransportError("CLOSED", "connect aborted"),
      );
    };
    if (signal.aborted) onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => {
      signal.removeEventListener("abort", onAbort);
    });
  });
}
