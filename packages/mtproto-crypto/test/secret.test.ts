import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bigIntToBytes,
  decryptSecretMessage,
  encryptedFileFingerprint,
  encryptSecretMessage,
  readInt64LE,
  SecretChatError,
  secretKeyFingerprint,
  secretKeyVisualization,
  TELEGRAM_DH_PRIME,
} from "../src/index.js";
import { PROVIDERS } from "./providers.js";

describe.each(PROVIDERS)("secret chats ($name)", (crypto) => {
  // A real DH exchange: both sides derive the same key and fingerprint.
  const a = 0x1234567890abcdefn << 1900n;
  const b = 0xfedcba0987654321n << 1900n;
  const gA = crypto.modPow(3n, a, TELEGRAM_DH_PRIME);
  const gB = crypto.modPow(3n, b, TELEGRAM_DH_PRIME);
  const keyA = bigIntToBytes(crypto.modPow(gB, a, TELEGRAM_DH_PRIME), 256);
  const keyB = bigIntToBytes(crypto.modPow(gA, b, TELEGRAM_DH_PRIME), 256);

  it("both sides agree on the key fingerprint = SHA1(key)[12..20] as a long", () => {
    expect(keyA).toEqual(keyB);
    expect(secretKeyFingerprint(crypto, keyA)).toBe(readInt64LE(crypto.sha1(keyB), 12));
  });

  it("key visualisation is SHA1(initial)[0..16] ‖ SHA256(layer-46 key)[0..20]", () => {
    const vis = secretKeyVisualization(crypto, keyA);
    expect(vis).toHaveLength(36);
    expect(vis.subarray(0, 16)).toEqual(crypto.sha1(keyA).subarray(0, 16));
    expect(vis.subarray(16)).toEqual(crypto.sha256(keyA).subarray(0, 20));
  });

  it("encrypted-file fingerprint XORs the two first int32 of MD5(key ‖ iv)", () => {
    const key = new Uint8Array(32).fill(1);
    const iv = new Uint8Array(32).fill(2);
    const d = new DataView(crypto.md5(new Uint8Array([...key, ...iv])).buffer);
    expect(encryptedFileFingerprint(crypto, key, iv)).toBe(d.getInt32(0, true) ^ d.getInt32(4, true));
  });

  it("messages round-trip in both directions and x depends on the sender's role (property)", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 600 }),
        fc.constantFrom("originator" as const, "responder" as const),
        (raw, sender) => {
          const tl = raw.subarray(0, raw.length - (raw.length % 4));
          const packet = encryptSecretMessage(crypto, keyA, tl, sender);
          expect(decryptSecretMessage(crypto, keyB, packet, sender)).toEqual(tl);
          const other = sender === "originator" ? "responder" : "originator";
          expect(() => decryptSecretMessage(crypto, keyB, packet, other)).toThrow(SecretChatError);
        },
      ),
      { numRuns: 30 },
    );
  });

  it("rejects wrong keys, tampering and bad padding with typed codes", () => {
    const packet = encryptSecretMessage(crypto, keyA, new Uint8Array(8), "originator");
    const code = (fn: () => unknown): string => {
      try {
        fn();
      } catch (e) {
        return (e as SecretChatError).code;
      }
      return "none";
    };
    expect(code(() => decryptSecretMessage(crypto, new Uint8Array(256).fill(9), packet, "originator"))).toBe(
      "FINGERPRINT_MISMATCH",
    );
    const tampered = packet.slice();
    tampered[30] = tampered[30]! ^ 1;
    expect(code(() => decryptSecretMessage(crypto, keyA, tampered, "originator"))).toBe("MSG_KEY_MISMATCH");
    expect(code(() => decryptSecretMessage(crypto, keyA, packet.subarray(0, 30), "originator"))).toBe(
      "PACKET_TOO_SHORT",
    );
    expect(code(() => encryptSecretMessage(crypto, keyA, new Uint8Array(8), "originator", new Uint8Array(4)))).toBe(
      "INVALID_PADDING",
    );
    expect(code(() => secretKeyFingerprint(crypto, new Uint8Array(255)))).toBe("INVALID_KEY");
  });
});
