// decodeUtf8 builds short ASCII strings in JS (one case per length) and hands the rest to the native
// decoder; every length around the switch, every position of a non-ASCII byte and invalid input must
// give what TextDecoder gives (U+FFFD for invalid sequences).
import { describe, expect, it } from "vitest";
import { decodeUtf8 } from "../src/runtime/utf8.js";

const reference = new TextDecoder("utf-8");
const ascii = (n: number, seed: number): Uint8Array =>
  Uint8Array.from({ length: n }, (_, i) => 0x20 + ((i * 7 + seed) % 95));

describe("decodeUtf8", () => {
  it("decodes ASCII of every length from 0 to 40 at any offset", () => {
    for (let n = 0; n <= 40; n++) {
      for (const offset of [0, 1, 3]) {
        const bytes = new Uint8Array(offset + n + 2).fill(0x7a);
        bytes.set(ascii(n, n + offset), offset);
        const expected = reference.decode(bytes.subarray(offset, offset + n));
        expect(decodeUtf8(bytes, offset, offset + n)).toBe(expected);
        expect(expected).toHaveLength(n);
      }
    }
  });

  it("takes the native path for a non-ASCII byte at any position of a short string", () => {
    for (let n = 2; n <= 17; n++) {
      for (let at = 0; at + 2 <= n; at++) {
        const bytes = ascii(n, at);
        bytes[at] = 0xd0; // "д" = d0 b4
        bytes[at + 1] = 0xb4;
        expect(decodeUtf8(bytes, 0, n)).toBe(reference.decode(bytes));
      }
    }
  });

  it("replaces invalid and truncated sequences as TextDecoder does", () => {
    const cases = [[0xff], [0x41, 0x80, 0x42], [0xe2, 0x82], [0x41, 0xf0, 0x9f, 0x98], [0xc0, 0xaf, 0x41, 0x42, 0x43]];
    for (const values of cases) {
      const bytes = Uint8Array.from(values);
      expect(decodeUtf8(bytes, 0, bytes.length)).toBe(reference.decode(bytes));
    }
  });
});
