// Hostile input never crashes, hangs or throws anything but the documented typed errors.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  concatBytes,
  createAuthKey,
  decryptMessage,
  decryptSecretMessage,
  factorizePqBytes,
  HandshakeCryptoError,
  MessageCryptoError,
  parseRsaPrivateKeyPem,
  parseRsaPublicKeyPem,
  PqError,
  RsaError,
  SecretChatError,
  unwrapWithHash,
} from "../src/index.js";
import { PROVIDERS } from "./providers.js";

function onlyThrows(fn: () => unknown, type: abstract new (...args: never[]) => Error): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(type);
  }
}

const crypto = PROVIDERS[0]!;
const authKey = createAuthKey(
  crypto,
  new Uint8Array(256).map((_, i) => i),
);

describe("hostile input", () => {
  it("decryptMessage: random packets with the right auth_key_id", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.boolean(), (body, padded) => {
        const packet = concatBytes(authKey.id, body);
        onlyThrows(
          () => decryptMessage(crypto, authKey, packet, "server", { allowTransportPadding: padded }),
          MessageCryptoError,
        );
      }),
      { numRuns: 300 },
    );
  });

  it("decryptSecretMessage and unwrapWithHash: random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        onlyThrows(() => decryptSecretMessage(crypto, authKey.key, bytes, "responder"), SecretChatError);
        onlyThrows(() => unwrapWithHash(crypto, bytes), HandshakeCryptoError);
      }),
      { numRuns: 300 },
    );
  });

  it("PEM parsers: random base64 bodies under every label", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom("RSA PUBLIC KEY", "PUBLIC KEY", "RSA PRIVATE KEY", "PRIVATE KEY"),
        (der, label) => {
          const pem = `-----BEGIN ${label}-----\n${btoa(String.fromCharCode(...der))}\n-----END ${label}-----`;
          onlyThrows(() => parseRsaPublicKeyPem(pem), RsaError);
          onlyThrows(() => parseRsaPrivateKeyPem(pem), RsaError);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("pq: any 1..8 byte input factors or fails with PqError", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 8 }), (pq) => {
        onlyThrows(() => factorizePqBytes(pq), PqError);
      }),
      { numRuns: 200 },
    );
  });
});
