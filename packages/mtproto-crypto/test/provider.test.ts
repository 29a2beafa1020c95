import { createHash, createHmac, pbkdf2Sync } from "node:crypto";
import { toHex } from "@mtkit/test-vectors";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bigIntFromBytes,
  bigIntToBytes,
  bigIntToMinimalBytes,
  isProbablePrime,
  modInverse,
  modPowBigInt,
} from "../src/index.js";
import { PROVIDERS } from "./providers.js";

const abc = new TextEncoder().encode("abc");

describe.each(PROVIDERS)("hashes, HMAC, PBKDF2, random, modPow ($name)", (crypto) => {
  it("hashes match the FIPS 180 / RFC 1321 'abc' digests", () => {
    expect(toHex(crypto.sha1(abc))).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
    expect(toHex(crypto.sha256(abc))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(toHex(crypto.sha512(abc))).toBe(
      "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
    );
    expect(toHex(crypto.md5(abc))).toBe("900150983cd24fb0d6963f7d28e17f72");
  });

  it("HMAC-SHA256 (RFC 4231 case 2) and PBKDF2-HMAC-SHA512", () => {
    const mac = crypto.hmacSha256(
      new TextEncoder().encode("Jefe"),
      new TextEncoder().encode("what do ya want for nothing?"),
    );
    expect(toHex(mac)).toBe("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    const pw = new TextEncoder().encode("password");
    const salt = new TextEncoder().encode("salt");
    expect(toHex(crypto.pbkdf2Sha512(pw, salt, 2, 64))).toBe(pbkdf2Sync(pw, salt, 2, 64, "sha512").toString("hex"));
  });

  it("agrees with node:crypto on random inputs (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.uint8Array({ maxLength: 100 }), (data, key) => {
        expect(toHex(crypto.sha1(data))).toBe(createHash("sha1").update(data).digest("hex"));
        expect(toHex(crypto.sha256(data))).toBe(createHash("sha256").update(data).digest("hex"));
        expect(toHex(crypto.hmacSha256(key, data))).toBe(createHmac("sha256", key).update(data).digest("hex"));
      }),
      { numRuns: 40 },
    );
  });

  it("randomFill fills large buffers and returns them", () => {
    const out = new Uint8Array(70000);
    expect(crypto.randomFill(out)).toBe(out);
    expect(out.subarray(65536).some((b) => b !== 0)).toBe(true);
  });

  it("randomFill never hands out the same bytes twice across small and large requests", () => {
    // The Node provider serves small fills from a pooled block: draws that crossed a refill, or
    // reused an offset, would repeat. 16-byte draws from a CSPRNG never collide by chance.
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const size = [16, 16, 27, 1, 128, 129, 4096][i % 7]!;
      const out = crypto.randomFill(new Uint8Array(size));
      if (size >= 16) seen.add(toHex(out.subarray(0, 16)));
      else expect(out).toHaveLength(size);
    }
    expect(seen.size).toBe(2000 - Math.ceil(2000 / 7));
    const view = new Uint8Array(64).subarray(8, 40);
    crypto.randomFill(view);
    expect(view.some((b) => b !== 0)).toBe(true);
  });

  it("modPow agrees with the BigInt reference on edge and random cases (property)", () => {
    const p = (1n << 2048n) - 1942289n; // odd 2048-bit modulus
    const edge: [bigint, bigint, bigint][] = [
      [0n, 5n, p],
      [1n, p, p],
      [p - 1n, 2n, p],
      [5n, 0n, p],
      [7n, p + 12345n, p],
      [3n, 1n << 2100n, p],
      [10n, 3n, 1n],
      [3n, 5n, 1n << 64n],
    ];
    for (const [b, e, m] of edge) expect(crypto.modPow(b, e, m)).toBe(modPowBigInt(b, e, m));
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: p }), fc.bigInt({ min: 0n, max: 1n << 2060n }), (b, e) => {
        expect(crypto.modPow(b, e, p)).toBe(modPowBigInt(b, e, p));
      }),
      { numRuns: 5 },
    );
    expect(() => crypto.modPow(2n, -1n, p)).toThrow(RangeError);
  });
});

describe("bigint helpers", () => {
  it("keeps leading zeros at a fixed length and round-trips", () => {
    expect(toHex(bigIntToBytes(0x1234n, 4))).toBe("00001234");
    expect(toHex(bigIntToMinimalBytes(0x01ffn))).toBe("01ff");
    expect(toHex(bigIntToMinimalBytes(0n))).toBe("00");
    expect(() => bigIntToBytes(0x10000n, 2)).toThrow(RangeError);
    expect(() => bigIntToBytes(-1n, 2)).toThrow(RangeError);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), (b) => {
        expect(bigIntToBytes(bigIntFromBytes(b), b.length)).toEqual(b);
      }),
    );
  });

  it("Miller-Rabin and modular inverse", () => {
    const tools = PROVIDERS[0]!;
    expect(isProbablePrime((1n << 127n) - 1n, tools)).toBe(true);
    expect(isProbablePrime(((1n << 61n) - 1n) * ((1n << 31n) - 1n), tools)).toBe(false);
    expect(isProbablePrime(3215031751n, tools)).toBe(false); // strong pseudoprime to bases 2, 3, 5, 7
    expect((modInverse(17n, 3120n) * 17n) % 3120n).toBe(1n);
    expect(() => modInverse(6n, 9n)).toThrow(RangeError);
  });
});
