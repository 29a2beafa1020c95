import { generateKeyPairSync } from "node:crypto";
import { parseRsaPublicKeyPem, rsaFingerprint } from "@mtkit/mtproto-crypto";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import { describe, expect, it } from "vitest";
import { generateServerRsaKey, isMtcuteCompatible, loadServerRsaKey, ServerKeyError } from "../../src/index.js";

const crypto = createNodeCrypto();

describe("server RSA key", () => {
  it("generates a PKCS#1 key whose fingerprint mtcute can look up", () => {
    const key = generateServerRsaKey(crypto);
    expect(key.publicKeyPem).toMatch(/^-----BEGIN RSA PUBLIC KEY-----/);
    expect(key.privateKeyPem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    expect(isMtcuteCompatible(key.fingerprint)).toBe(true);
    expect(rsaFingerprint(crypto, parseRsaPublicKeyPem(key.publicKeyPem)).long).toBe(key.fingerprint);
  });

  it("loads PKCS#8 and PKCS#1 PEM to the same key", () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const fromPkcs8 = loadServerRsaKey(crypto, privateKey.export({ type: "pkcs8", format: "pem" }).toString());
    const fromPkcs1 = loadServerRsaKey(crypto, privateKey.export({ type: "pkcs1", format: "pem" }).toString());
    expect(fromPkcs8.fingerprint).toBe(fromPkcs1.fingerprint);
    expect(fromPkcs8.publicKeyPem).toBe(fromPkcs1.publicKeyPem);
    expect(loadServerRsaKey(crypto, fromPkcs8.privateKeyPem).fingerprint).toBe(fromPkcs8.fingerprint);
  });

  it("rejects junk and non-RSA keys with typed errors", () => {
    expect(() => loadServerRsaKey(crypto, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")).toThrow(
      expect.objectContaining({ code: "BAD_PEM" }) as Error,
    );
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const ec = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect(() => loadServerRsaKey(crypto, ec)).toThrow(ServerKeyError);
  });

  it("tells which fingerprints mtcute cannot find (top nibble zero, peers.md §1)", () => {
    expect(isMtcuteCompatible(0x0fffffffffffffffn)).toBe(false);
    expect(isMtcuteCompatible(-1n)).toBe(true);
    expect(isMtcuteCompatible(0x1000000000000000n)).toBe(true);
  });
});
