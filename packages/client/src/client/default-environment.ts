import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import type { DcAddress as TransportAddress, Transport } from "@mtkit/transport-tcp/transport";

/**
 * Node defaults, loaded only when the caller did not inject their own, so a browser bundle that
 * passes `crypto` and `transport` never reaches `node:crypto` or `node:net`.
 */
export async function defaultCrypto(): Promise<CryptoProvider> {
  if (typeof process !== "undefined" && typeof process.versions === "object" && "node" in process.versions) {
    const { createNodeCrypto } = await import("@mtkit/mtproto-crypto/node");
    return createNodeCrypto();
  }
  const { createPortableCrypto } = await import("@mtkit/mtproto-crypto");
  return createPortableCrypto();
}

export async function defaultTransportFactory(crypto: CryptoProvider): Promise<(address: TransportAddress) => Transport> {
  const { createTcpTransport } = await import("@mtkit/transport-tcp");
  return () => createTcpTransport({ crypto, protocol: "intermediate", obfuscation: true });
}
