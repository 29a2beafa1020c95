// Part-by-part AES-256-IGE of secret-chat files: the same ciphertext as one pass, whatever the
// chunking, padding only at the end, and every wrong length or key a typed error.
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import { describe, expect, it } from "vitest";
import { decryptChunks, encryptChunks } from "../../src/secret/ige-file-stream.js";
import { decryptFileBytes, encryptFileBytes, newFileKeys } from "../../src/secret/index.js";

const crypto = createNodeCrypto();

function bytes(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (i * 31 + seed * 7 + (i >> 8)) & 0xff;
  return out;
}

/** `data` cut into chunks of the given lengths, cycling. */
function* chunked(data: Uint8Array, lengths: readonly number[]): Generator<Uint8Array> {
  let at = 0;
  for (let k = 0; at < data.length; k++) {
    const take = lengths[k % lengths.length]!;
    yield data.subarray(at, at + take);
    at += take;
  }
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return new Uint8Array(Buffer.concat(parts));
}

async function* lazy(chunks: Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) {
    await Promise.resolve();
    yield chunk;
  }
}

describe("encryptChunks", () => {
  it.each([
    [16, [16]],
    [1_048_576, [1, 15, 17, 1000, 524_288]],
    [1_300_000, [700_001]],
    [3_000_000, [3_000_000]],
  ])("a file of %i bytes in chunks of %j is the one-pass ciphertext", async (size, lengths) => {
    const plain = bytes(size, size);
    const keys = newFileKeys(crypto);
    const counted = { size: 0 };
    const cipher = await collect(encryptChunks(crypto, chunked(plain, lengths), keys, counted));
    expect(counted.size).toBe(size);
    expect(Buffer.from(cipher).equals(Buffer.from(crypto.aesIgeEncrypt(plain, keys.key, keys.iv.slice())))).toBe(true);
  });

  it("pads only the last block, with random bytes, and reports the real size", async () => {
    const plain = bytes(1_000_003, 1);
    const keys = newFileKeys(crypto);
    const counted = { size: 0 };
    const cipher = await collect(encryptChunks(crypto, chunked(plain, [4099, 65_536]), keys, counted));
    expect(counted.size).toBe(1_000_003);
    expect(cipher.length).toBe(1_000_016);
    const whole = crypto.aesIgeEncrypt(plain.subarray(0, 1_000_000), keys.key, keys.iv.slice());
    expect(Buffer.from(cipher.subarray(0, 1_000_000)).equals(Buffer.from(whole))).toBe(true);
    const back = decryptFileBytes(crypto, cipher, { ...keys, size: 1_000_003 });
    expect(Buffer.from(back).equals(Buffer.from(plain))).toBe(true);
  });

  it("an empty source and a photo past its bound are RangeErrors", async () => {
    const keys = newFileKeys(crypto);
    await expect(collect(encryptChunks(crypto, [], keys, { size: 0 }))).rejects.toThrow(RangeError);
    await expect(collect(encryptChunks(crypto, [bytes(100, 2)], keys, { size: 0 }, 99))).rejects.toThrow(RangeError);
  });
});

describe("decryptChunks", () => {
  const plain = bytes(2_000_007, 3);
  const keys = newFileKeys(crypto);
  const cipher = encryptFileBytes(crypto, plain, keys);
  const file = { ...keys, size: plain.length, chatId: 7 };

  it("decrypts whatever the chunking, cutting the padding off", async () => {
    for (const lengths of [[1_048_576], [17, 31, 524_288], [cipher.length]]) {
      const back = await collect(decryptChunks(crypto, () => lazy(chunked(cipher, lengths)), file));
      expect(Buffer.from(back).equals(Buffer.from(plain))).toBe(true);
    }
  });

  it("checks the key before reading a byte, and the length at the end", async () => {
    let read = false;
    const source = (): AsyncIterable<Uint8Array> => {
      read = true;
      return lazy([cipher]);
    };
    await expect(
      collect(decryptChunks(crypto, source, { ...file, fingerprint: keys.fingerprint ^ 1 })),
    ).rejects.toMatchObject({ name: "SecretChatProtocolError", code: "FILE_FINGERPRINT_MISMATCH", chatId: 7 });
    expect(read).toBe(false);
    const longer = new Uint8Array(cipher.length + 16);
    longer.set(cipher);
    const cases = [cipher.subarray(0, cipher.length - 16), cipher.subarray(0, cipher.length - 1), longer];
    for (const wrong of cases) {
      await expect(collect(decryptChunks(crypto, () => lazy(chunked(wrong, [1_048_576])), file))).rejects.toMatchObject(
        {
          code: "FILE_SIZE_MISMATCH",
        },
      );
    }
  });
});
