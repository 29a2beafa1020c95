/**
 * RSA key generation for the test server (Node only: OpenSSL does the prime search).
 * The fingerprint's top nibble is forced non-zero because mtcute looks keys up by an unpadded
 * hex fingerprint and never finds one that starts with 0 (see /work/shared/peers.md §1).
 */
import { generateKeyPairSync } from "node:crypto";
import type { CryptoProvider } from "../provider.js";
import { parseRsaPrivateKeyPem, parseRsaPublicKeyPem } from "../rsa/pem.js";
import { type RsaFingerprint, rsaFingerprint, type RsaPrivateKey, type RsaPublicKey } from "../rsa/rsa-key.js";
import { createNodeCrypto } from "./node-provider.js";

export interface GeneratedRsaKeyPair {
  readonly publicKey: RsaPublicKey;
  readonly privateKey: RsaPrivateKey;
  /** PKCS#1 "BEGIN RSA PUBLIC KEY", the form Telegram publishes and mtcute parses. */
  readonly publicPem: string;
  /** PKCS#1 "BEGIN RSA PRIVATE KEY". */
  readonly privatePem: string;
  readonly fingerprint: RsaFingerprint;
}

export function generateRsaKeyPair(crypto: CryptoProvider = createNodeCrypto()): GeneratedRsaKeyPair {
  for (;;) {
    const pair = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      publicExponent: 65537,
      publicKeyEncoding: { type: "pkcs1", format: "pem" },
      privateKeyEncoding: { type: "pkcs1", format: "pem" },
    });
    const publicKey = parseRsaPublicKeyPem(pair.publicKey);
    const fingerprint = rsaFingerprint(crypto, publicKey);
    if (fingerprint.unsigned >> 60n === 0n) continue;
    return {
      publicKey,
      privateKey: parseRsaPrivateKeyPem(pair.privateKey),
      publicPem: pair.publicKey,
      privatePem: pair.privateKey,
      fingerprint,
    };
  }
}
