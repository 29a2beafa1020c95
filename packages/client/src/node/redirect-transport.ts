import type { DcAddress, SendOptions, Transport, TransportListener } from "@mtkit/transport-tcp/transport";

/**
 * Dials `host:port` whatever DC is asked, keeping the DC id (and test/media flags) for the
 * obfuscation header: an MTProxy reads the DC from there and forwards
 * (https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation).
 */
export function redirectTransport(inner: Transport, host: string, port: number): Transport {
  return {
    connect: (address: DcAddress, options?: { readonly signal?: AbortSignal }) =>
      inner.connect({ ...address, host, port }, options),
    send: (packet: Uint8Array, options?: SendOptions) => inner.send(packet, options),
    subscribe: (listener: TransportListener) => inner.subscribe(listener),
    close: () => inner.close(),
    get closed() {
      return inner.closed;
    },
  };
}
