import { hex, loadVectors, toHex } from "@mtkit/test-vectors";
import { describe, expect, it } from "vitest";
import {
  bigIntFromBytes,
  parseRsaPrivateKeyPem,
  parseRsaPublicKeyPem,
  rsaDecryptRaw,
  rsaEncryptRaw,
  RsaError,
  rsaFingerprint,
  rsaPadDecrypt,
  rsaPadEncrypt,
  TELEGRAM_PRODUCTION_RSA_KEY,
  TELEGRAM_RSA_KEYS,
  TELEGRAM_TEST_RSA_KEY,
} from "../src/index.js";
import { generateRsaKeyPair } from "../src/node.js";
import { PROVIDERS } from "./providers.js";

interface RsaVectorKey {
  pem?: string;
  modulus_hex: string;
  exponent_hex: string;
  fingerprint_i64: string;
  fingerprint_u64_hex: string;
  fingerprint_wire_le_bytes: string;
}
const V = loadVectors("rsa") as { current_keys: RsaVectorKey[]; all_known_keys_from_mtcute: RsaVectorKey[] };
interface Sample {
  official_sample: { rsa_key_used_fingerprint_le_bytes: string };
}
const sample = (loadVectors("auth-key-exchange") as Sample).official_sample;

// One key pair for the file: OpenSSL key generation takes a while on a shared machine.
const server = generateRsaKeyPair();

function spkiFromPkcs1Pem(pkcs1: string): string {
  // Re-wrap with node:crypto to get an independent SPKI encoding of the same key.
  return globalThis.process
    .getBuiltinModule("node:crypto")
    .createPublicKey(pkcs1)
    .export({ type: "spki", format: "pem" })
    .toString();
}

describe.each(PROVIDERS)("RSA ($name)", (crypto) => {
  it.each(V.all_known_keys_from_mtcute)("fingerprint of key $fingerprint_u64_hex in every form", (k) => {
    const fp = rsaFingerprint(crypto, {
      n: bigIntFromBytes(hex(k.modulus_hex)),
      e: bigIntFromBytes(hex(k.exponent_hex)),
    });
    expect(toHex(fp.bytes)).toBe(k.fingerprint_wire_le_bytes);
    expect(fp.long).toBe(BigInt(k.fingerprint_i64));
    expect(fp.unsigned).toBe(BigInt(`0x${k.fingerprint_u64_hex}`));
  });

  it.each(V.current_keys)("parses Telegram's PKCS#1 PEM and the built-in keys match ($fingerprint_u64_hex)", (k) => {
    const key = parseRsaPublicKeyPem(k.pem!);
    expect(key.n).toBe(bigIntFromBytes(hex(k.modulus_hex)));
    expect(key.e).toBe(65537n);
    const builtIn = TELEGRAM_RSA_KEYS.find((b) => b.fingerprint === BigInt(`0x${k.fingerprint_u64_hex}`));
    expect(builtIn?.n).toBe(key.n);
    expect(rsaFingerprint(crypto, builtIn!).unsigned).toBe(builtIn!.fingerprint);
    expect(parseRsaPublicKeyPem(builtIn!.pem).n).toBe(key.n);
  });

  it("the official sample used the production key", () => {
    expect(toHex(rsaFingerprint(crypto, TELEGRAM_PRODUCTION_RSA_KEY).bytes)).toBe(
      sample.rsa_key_used_fingerprint_le_bytes,
    );
    expect(TELEGRAM_TEST_RSA_KEY.testMode).toBe(true);
  });

  it("parses SPKI and PKCS#8 encodings of the same key", () => {
    expect(parseRsaPublicKeyPem(spkiFromPkcs1Pem(server.publicPem))).toEqual(server.publicKey);
    const pkcs8 = globalThis.process
      .getBuiltinModule("node:crypto")
      .createPrivateKey(server.privatePem)
      .export({ type: "pkcs8", format: "pem" })
      .toString();
    expect(parseRsaPrivateKeyPem(pkcs8)).toEqual(server.privateKey);
    expect(server.privateKey.p * server.privateKey.q).toBe(server.publicKey.n);
  });

  it("rejects malformed PEM and DER with typed errors", () => {
    const bad = [
      "nothing here",
      "-----BEGIN RSA PUBLIC KEY-----\n!!!\n-----END RSA PUBLIC KEY-----",
      "-----BEGIN RSA PUBLIC KEY-----\nMIIBCgKCAQEA\n-----END RSA PUBLIC KEY-----",
      "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
    ];
    for (const pem of bad) expect(() => parseRsaPublicKeyPem(pem)).toThrow(RsaError);
  });

  it("generated test-server keys have a non-zero top fingerprint nibble (mtcute lookup)", () => {
    expect(server.fingerprint.unsigned >> 60n).not.toBe(0n);
    expect(server.publicPem).toContain("BEGIN RSA PUBLIC KEY");
    expect(rsaFingerprint(crypto, server.publicKey)).toEqual(server.fingerprint);
  });

  it("raw RSA round-trips and matches node:crypto with no padding", () => {
    const block = crypto.randomFill(new Uint8Array(256));
    block[0] = 0x12;
    const enc = rsaEncryptRaw(crypto, server.publicKey, block);
    const nodeCrypto = globalThis.process.getBuiltinModule("node:crypto");
    const reference = nodeCrypto.publicEncrypt(
      { key: server.publicPem, padding: nodeCrypto.constants.RSA_NO_PADDING },
      block,
    );
    expect(toHex(enc)).toBe(reference.toString("hex"));
    expect(rsaDecryptRaw(crypto, server.privateKey, enc)).toEqual(block);
    expect(() => rsaEncryptRaw(crypto, server.publicKey, new Uint8Array(256).fill(0xff))).toThrow(RsaError);
  });

  it("RSA_PAD: the server unwraps what the client wraps and rejects tampering", () => {
    const data = crypto.randomFill(new Uint8Array(144));
    const encrypted = rsaPadEncrypt(crypto, server.publicKey, data);
    expect(encrypted).toHaveLength(256);
    const unwrapped = rsaPadDecrypt(crypto, server.privateKey, encrypted);
    expect(unwrapped).toHaveLength(192);
    expect(unwrapped.subarray(0, 144)).toEqual(data);
    const tampered = rsaEncryptRaw(crypto, server.publicKey, crypto.randomFill(new Uint8Array(256)).fill(0x10, 0, 1));
    expect(() => rsaPadDecrypt(crypto, server.privateKey, tampered)).toThrow(
      expect.objectContaining({ code: "PAD_HASH_MISMATCH" }),
    );
    expect(() => rsaPadEncrypt(crypto, server.publicKey, new Uint8Array(145))).toThrow(
      expect.objectContaining({ code: "DATA_TOO_LONG" }),
    );
    expect(() => rsaPadDecrypt(crypto, server.privateKey, new Uint8Array(255))).toThrow(RsaError);
  });

  it("RSA_PAD: follows the spec step by step with fixed randomness (independent recomputation)", () => {
    const data = new Uint8Array(100).map((_, i) => i);
    const padding = new Uint8Array(92).fill(0xab);
    const tempKey = new Uint8Array(32).fill(0x01);
    const fixed = { ...crypto, randomFill: sequence([padding, tempKey]) };
    const result = rsaPadEncrypt(fixed, TELEGRAM_PRODUCTION_RSA_KEY, data);
    const withPadding = new Uint8Array([...data, ...padding]);
    const withHash = new Uint8Array([
      ...withPadding.slice().reverse(),
      ...crypto.sha256(new Uint8Array([...tempKey, ...withPadding])),
    ]);
    const aes = crypto.aesIgeEncrypt(withHash, tempKey, new Uint8Array(32));
    const h = crypto.sha256(aes);
    const keyAes = new Uint8Array([...tempKey.map((b, i) => b ^ h[i]!), ...aes]);
    const expected = crypto.modPow(bigIntFromBytes(keyAes), 65537n, TELEGRAM_PRODUCTION_RSA_KEY.n);
    expect(bigIntFromBytes(result)).toBe(expected);
  });
});

function sequence(chunks: Uint8Array[]): (out: Uint8Array) => Uint8Array {
  let i = 0;
  return (out) => {
    const next = chunks[i++];
    if (next?.length !== out.length) throw new Error("unexpected random request");
    out.set(next);
    return out;
  };
}
