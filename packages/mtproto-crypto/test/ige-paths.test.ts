// IGE code paths the vectors do not reach: sizes from one block to past the Node CBC path's kept
// scratch buffer, unaligned views (the 64-bit XOR views need an aligned copy), every key size, and
// calls of shrinking sizes (a reused scratch buffer must not leak into results or alias them).
// The reference is IGE written out over node:crypto's ECB, one block at a time.
import { createCipheriv } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PROVIDERS } from "./providers.js";

function referenceIgeEncrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
  const ecb = createCipheriv(`aes-${key.length * 8}-ecb`, key, null);
  ecb.setAutoPadding(false);
  const out = new Uint8Array(data.length);
  let prevCipher = iv.slice(0, 16);
  let prevPlain = iv.slice(16, 32);
  for (let i = 0; i < data.length; i += 16) {
    const plain = data.slice(i, i + 16);
    const encrypted = ecb.update(plain.map((b, j) => b ^ prevCipher[j]!));
    const cipher = plain.map((_, j) => encrypted[j]! ^ prevPlain[j]!);
    out.set(cipher, i);
    prevCipher = cipher;
    prevPlain = plain;
  }
  return out;
}

function pattern(length: number, seed: number): Uint8Array {
  return new Uint8Array(length).map((_, i) => (i * 131 + seed * 29 + (i >>> 8)) & 255);
}

/** `length` bytes of `pattern` placed `offset` bytes into a larger buffer. */
function placed(length: number, seed: number, offset: number): Uint8Array {
  const backing = new Uint8Array(length + offset + 8);
  backing.set(pattern(length, seed), offset);
  return backing.subarray(offset, offset + length);
}

const KEY = pattern(32, 1);
const IV = pattern(32, 2);

describe.each(PROVIDERS)("IGE paths ($name)", (crypto) => {
  it.each([16, 32, 48, 1024, 64 * 1024, 1024 * 1024 + 16])("%i bytes match the ECB reference both ways", (size) => {
    const data = pattern(size, size);
    const expected = referenceIgeEncrypt(data, KEY, IV);
    expect(Buffer.from(crypto.aesIgeEncrypt(data, KEY, IV)).equals(expected)).toBe(true);
    expect(Buffer.from(crypto.aesIgeDecrypt(expected, KEY, IV)).equals(data)).toBe(true);
  });

  it.each([1, 3, 4, 8, 12])("data and iv at byte offset %i", (offset) => {
    const data = placed(160, offset, offset);
    const iv = placed(32, 7, offset);
    const key = placed(32, 9, offset);
    const expected = referenceIgeEncrypt(data, key, iv);
    expect(crypto.aesIgeEncrypt(data, key, iv)).toEqual(expected);
    const cipherAt = placed(160, 0, offset);
    cipherAt.set(expected);
    expect(crypto.aesIgeDecrypt(cipherAt, key, iv)).toEqual(data);
  });

  it.each([16, 24, 32])("%i-byte keys", (keyLength) => {
    const key = pattern(keyLength, keyLength);
    const data = pattern(96, 3);
    const expected = referenceIgeEncrypt(data, key, IV);
    expect(crypto.aesIgeEncrypt(data, key, IV)).toEqual(expected);
    expect(crypto.aesIgeDecrypt(expected, key, IV)).toEqual(data);
  });

  it("shrinking sizes in a row: no stale bytes, earlier results untouched", () => {
    const sizes = [64 * 1024, 16, 1024, 32, 4096];
    const inputs = sizes.map((size, i) => pattern(size, i + 11));
    const results = inputs.map((data) => crypto.aesIgeEncrypt(data, KEY, IV));
    const plains = results.map((cipher) => crypto.aesIgeDecrypt(cipher, KEY, IV));
    inputs.forEach((data, i) => {
      expect(Buffer.from(results[i]!).equals(referenceIgeEncrypt(data, KEY, IV))).toBe(true);
      expect(plains[i]).toEqual(data);
    });
  });

  it("leaves its inputs unchanged", () => {
    const data = pattern(4096, 5);
    const [dataCopy, keyCopy, ivCopy] = [data.slice(), KEY.slice(), IV.slice()];
    crypto.aesIgeDecrypt(crypto.aesIgeEncrypt(data, KEY, IV), KEY, IV);
    expect([data, KEY, IV]).toEqual([dataCopy, keyCopy, ivCopy]);
  });
});
