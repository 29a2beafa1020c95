import type { DcAddress } from "@mtkit/transport-tcp/transport";

/**
 * The endpoint of the HTTP transport: `http://<DC address>:<port>/api`
 * (https://core.telegram.org/mtproto/transports#http). IPv6 hosts get their brackets.
 */
export function httpTransportUrl(address: Pick<DcAddress, "host" | "port">, secure = false): string {
  const host = address.host.includes(":") && !address.host.startsWith("[") ? `[${address.host}]` : address.host;
  return `${secure ? "https" : "http"}://${host}:${address.port}/api`;
}
