import type { CryptoProvider } from "@mtkit/mtproto-crypto";

/**
 * The slice of `CryptoProvider` the transports use: AES-256-CTR for obfuscation, SHA-256 for
 * MTProxy keys, HMAC-SHA256 for fake-TLS, and randomness for init payloads and padding.
 * Any full `CryptoProvider` (portable or node) satisfies it.
 */
export type TransportCrypto = Pick<CryptoProvider, "sha256" | "hmacSha256" | "createAesCtr" | "randomFill">;
