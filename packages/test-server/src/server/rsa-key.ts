import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import type { CryptoProvider, RsaPrivateKey } from "@mtkit/mtproto-crypto";
import { parseRsaPrivateKeyPem, rsaFingerprint } from "@mtkit/mtproto-crypto";
import { generateRsaKeyPair } from "@mtkit/mtproto-crypto/node";

/** The server's RSA key in the forms the handshake and the clients need. */
export interface ServerRsaKey {
  readonly privateKey: RsaPrivateKey;
  /** PKCS#1 "BEGIN RSA PUBLIC KEY": the only form mtcute parses (peers.md §1). */
  readonly publicKeyPem: string;
  /** PKCS#1 "BEGIN RSA PRIVATE KEY", to reload the same key with `--key`. */
  readonly privateKeyPem: string;
  /** resPQ's fingerprint as a signed TL long (GramJS keys its map by its decimal form). */
  readonly fingerprint: bigint;
}

export class ServerKeyError extends Error {
  override readonly name = "ServerKeyError";
  constructor(
    readonly code: "BAD_PEM" | "NOT_RSA",
    message: string,
  ) {
    super(message);
  }
}

/**
 * mtcute stores fingerprints as zero-padded hex but looks them up unpadded, so a key whose
 * fingerprint starts with a zero nibble is never found (peers.md §1). Generated keys avoid it.
 */
export function isMtcuteCompatible(fingerprint: bigint): boolean {
  return BigInt.asUintN(64, fingerprint) >> 60n !== 0n;
}

/** A fresh 2048-bit key (e = 65537) whose fingerprint both mtcute and GramJS can look up. */
export function generateServerRsaKey(crypto: CryptoProvider): ServerRsaKey {
  const pair = generateRsaKeyPair(crypto);
  return {
    privateKey: pair.privateKey,
    publicKeyPem: pair.publicPem,
    privateKeyPem: pair.privatePem,
    fingerprint: pair.fingerprint.long,
  };
}

/** Loads a PEM private key in any form node:crypto reads (PKCS#1 "RSA PRIVATE KEY", PKCS#8 "PRIVATE KEY"). */
export function loadServerRsaKey(crypto: CryptoProvider, pem: string): ServerRsaKey {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw new ServerKeyError("BAD_PEM", `cannot parse the private key: ${String(error)}`);
  }
  if (key.asymmetricKeyType !== "rsa") throw new ServerKeyError("NOT_RSA", "the key is not an RSA key");
  const privateKeyPem = key.export({ type: "pkcs1", format: "pem" }).toString();
  const privateKey = parseRsaPrivateKeyPem(privateKeyPem);
  return {
    privateKey,
    publicKeyPem: createPublicKey(key).export({ type: "pkcs1", format: "pem" }).toString(),
    privateKeyPem,
    fingerprint: rsaFingerprint(crypto, privateKey).long,
  };
}
