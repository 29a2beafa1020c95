// TODO(move to mtproto-crypto): server-side RSA key handling (generate/load, PKCS#1 PEM, fingerprint,
// raw private decryption). Written here because mtproto-crypto has no RSA module yet.
import {
  constants,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  privateDecrypt,
} from "node:crypto";
import { TlBytesWriter } from "../wire/tl-writer.js";

/** The server's RSA key as the handshake and clients need it. */
export interface RsaServerKey {
  /** Public key, PKCS#1 PEM ("BEGIN RSA PUBLIC KEY"): the only form mtcute parses (peers.md §1). */
  readonly publicKeyPem: string;
  /** Private key, PKCS#1 PEM, so a test run can be reproduced with `--key`. */
  readonly privateKeyPem: string;
  /** Lower 64 bits of SHA1(TL bytes n ‖ TL bytes e) as the signed TL long sent in resPQ. */
  readonly fingerprint: bigint;
  /** Modulus size in bytes (256 for the 2048-bit keys Telegram uses). */
  readonly modulusLength: number;
  /** The modulus, big-endian. */
  readonly modulus: Uint8Array;
  /** Raw RSA (no padding): input ^ d mod n, as `modulusLength` bytes. */
  decryptRaw(data: Uint8Array): Uint8Array;
}

export class RsaKeyError extends Error {
  override readonly name = "RsaKeyError";
  constructor(readonly code: "NOT_RSA" | "BAD_PEM", message: string) {
    super(message);
  }
}

function base64UrlToBytes(value: string | undefined): Uint8Array {
  if (value === undefined) throw new RsaKeyError("BAD_PEM", "RSA key has no modulus or exponent");
  return new Uint8Array(Buffer.from(value, "base64url"));
}

/**
 * Fingerprint per https://core.telegram.org/mtproto/auth_key#dh-exchange-initiation: the 64 lower-order
 * bits of SHA1(server_public_key), the key being TL `rsa_public_key n:bytes e:bytes`.
 */
export function rsaFingerprint(modulus: Uint8Array, exponent: Uint8Array): bigint {
  const tl = new TlBytesWriter().bytes(modulus).bytes(exponent).finish();
  const sha1 = createHash("sha1").update(tl).digest();
  return sha1.readBigInt64LE(12);
}

/**
 * mtcute looks the fingerprint up as unpadded hex of the unsigned value but stores it padded, so a
 * key whose top nibble is zero is never found (peers.md §1). Such keys are rejected when generating.
 */
export function hasNonZeroTopNibble(fingerprint: bigint): boolean {
  return BigInt.asUintN(64, fingerprint) >> 60n !== 0n;
}

function fromKeyObject(privateKey: KeyObject): RsaServerKey {
  if (privateKey.asymmetricKeyType !== "rsa") throw new RsaKeyError("NOT_RSA", "the key is not an RSA key");
  const jwk = privateKey.export({ format: "jwk" });
  const modulus = base64UrlToBytes(jwk.n);
  const exponent = base64UrlToBytes(jwk.e);
  return {
    publicKeyPem: createPublicPem(privateKey),
    privateKeyPem: privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
    fingerprint: rsaFingerprint(modulus, exponent),
    modulusLength: modulus.length,
    modulus,
    decryptRaw: (data) =>
      new Uint8Array(privateDecrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, data)),
  };
}

function createPublicPem(privateKey: KeyObject): string {
  return createPublicKey(privateKey).export({ type: "pkcs1", format: "pem" }).toString();
}

/** Loads a PEM private key (PKCS#1 "RSA PRIVATE KEY" or PKCS#8 "PRIVATE KEY"). */
export function loadRsaServerKey(pem: string): RsaServerKey {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw new RsaKeyError("BAD_PEM", `cannot parse the private key: ${String(error)}`);
  }
  return fromKeyObject(key);
}

/** Generates a 2048-bit key (e = 65537) whose fingerprint every peer can look up. */
export function generateRsaServerKey(): RsaServerKey {
  for (;;) {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, publicExponent: 65537 });
    const key = fromKeyObject(privateKey);
    if (hasNonZeroTopNibble(key.fingerprint)) return key;
  }
}
