/**
 * PEM parsing for RSA keys: PKCS#1 ("RSA PUBLIC KEY", "RSA PRIVATE KEY", RFC 8017 appendix A.1),
 * SPKI ("PUBLIC KEY", RFC 5280) and PKCS#8 ("PRIVATE KEY", RFC 5208). Telegram publishes its
 * keys as PKCS#1; tools often export SPKI/PKCS#8. Base64 is decoded with `atob` (no Buffer).
 */
import {
  DER_BIT_STRING,
  DER_OCTET_STRING,
  DER_SEQUENCE,
  expectTag,
  readDerElements,
  readPositiveInteger,
  readSequence,
} from "./der.js";
import { RsaError } from "./rsa-error.js";
import type { RsaPrivateKey, RsaPublicKey } from "./rsa-key.js";

const RSA_ENCRYPTION_OID = "2a864886f70d010101";

interface PemBlock {
  readonly label: string;
  readonly der: Uint8Array;
}

function readPem(pem: string): PemBlock {
  const match = /-----BEGIN ([A-Z ]+)-----([\s\S]*?)-----END \1-----/.exec(pem);
  if (!match) throw new RsaError("INVALID_PEM", "no PEM block found");
  const body = match[2]!.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body)) throw new RsaError("INVALID_PEM", "PEM body is not base64");
  const binary = atob(body);
  const der = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) der[i] = binary.charCodeAt(i);
  return { label: match[1]!, der };
}

function hexOf(b: Uint8Array): string {
  let s = "";
  for (const x of b) s += x.toString(16).padStart(2, "0");
  return s;
}

/** Checks that an SPKI / PKCS#8 AlgorithmIdentifier says rsaEncryption. */
function unwrapAlgorithm(algorithm: Uint8Array): void {
  const oid = readDerElements(algorithm)[0];
  if (oid?.tag !== 0x06 || hexOf(oid.content) !== RSA_ENCRYPTION_OID) {
    throw new RsaError("UNSUPPORTED_KEY", "not an rsaEncryption key");
  }
}

function pkcs1Public(der: Uint8Array): RsaPublicKey {
  const [n, e] = readSequence(der);
  return { n: readPositiveInteger(n), e: readPositiveInteger(e) };
}

export function parseRsaPublicKeyPem(pem: string): RsaPublicKey {
  const { label, der } = readPem(pem);
  if (label === "RSA PUBLIC KEY") return pkcs1Public(der);
  if (label === "PUBLIC KEY") {
    const [algorithm, key] = readSequence(der);
    unwrapAlgorithm(expectTag(algorithm, DER_SEQUENCE));
    const bits = expectTag(key, DER_BIT_STRING);
    if (bits[0] !== 0) throw new RsaError("INVALID_DER", "BIT STRING with unused bits");
    return pkcs1Public(bits.subarray(1));
  }
  throw new RsaError("UNSUPPORTED_KEY", `unsupported PEM label "${label}"`);
}

function pkcs1Private(der: Uint8Array): RsaPrivateKey {
  const fields = readSequence(der);
  if (fields.length < 9) throw new RsaError("INVALID_DER", "PKCS#1 private key needs 9 fields");
  const [n, e, d, p, q] = fields.slice(1, 6).map(readPositiveInteger) as [bigint, bigint, bigint, bigint, bigint];
  return { n, e, d, p, q };
}

export function parseRsaPrivateKeyPem(pem: string): RsaPrivateKey {
  const { label, der } = readPem(pem);
  if (label === "RSA PRIVATE KEY") return pkcs1Private(der);
  if (label === "PRIVATE KEY") {
    const [, algorithm, key] = readSequence(der);
    unwrapAlgorithm(expectTag(algorithm, DER_SEQUENCE));
    return pkcs1Private(expectTag(key, DER_OCTET_STRING));
  }
  throw new RsaError("UNSUPPORTED_KEY", `unsupported PEM label "${label}"`);
}
