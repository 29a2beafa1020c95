// The 100 message texts of the TL bench payload (~100 UTF-8 bytes each, one or two Cyrillic words) decoded
// five ways, to find out whether the native decoder's cost is per call or per byte (issue 15):
// - per string: one `Buffer#utf8Slice` per text (what @mtkit/tl-core does), or one TextDecoder call;
// - batched: the texts copied into one scratch buffer with 0xFF between them (a byte no valid UTF-8
//   contains, so each separator decodes to exactly one U+FFFD), one native decode, one split;
// - the joined texts decoded once without copy or split: the floor any batching could reach;
// - a JS decode loop into a Uint16Array, then one `ucs2Slice` per text.
// Each decoder is checked against TextDecoder before it is timed.
import { plainPayload } from "./tl-fixtures.js";

type Utf8Slice = (this: Uint8Array, start: number, end: number) => string;
type Ucs2Slice = (this: Uint8Array, start: number, end: number) => string;
const utf8Slice = (Buffer.prototype as unknown as { utf8Slice: Utf8Slice }).utf8Slice;
const ucs2Slice = (Buffer.prototype as unknown as { ucs2Slice: Ucs2Slice }).ucs2Slice;

export interface TextDecodeCase {
  readonly name: string;
  readonly decode: () => readonly string[];
}

/** The texts as they sit in a page: each after 100 bytes of other fields. */
function textsInPage(): { texts: string[]; page: Uint8Array; ranges: Int32Array } {
  const texts = plainPayload().messages.map((m) => m.text);
  const encoded = texts.map((t) => new TextEncoder().encode(t));
  const page = new Uint8Array(encoded.reduce((n, e) => n + 100 + e.length, 0)).fill(0xab);
  const ranges = new Int32Array(2 * texts.length);
  let at = 0;
  encoded.forEach((bytes, i) => {
    at += 100;
    page.set(bytes, at);
    ranges[2 * i] = at;
    ranges[2 * i + 1] = at + bytes.length;
    at += bytes.length;
  });
  return { texts, page, ranges };
}

/** Valid UTF-8 into UTF-16 units; undefined for anything else (the caller would use the native decoder). */
function decodeToUnits(b: Uint8Array, start: number, end: number, units: Uint16Array): number | undefined {
  let n = 0;
  for (let i = start; i < end;) {
    const c = b[i]!;
    if (c < 0x80) {
      units[n++] = c;
      i++;
    } else if (c >= 0xc2 && c < 0xe0 && i + 1 < end && (b[i + 1]! & 0xc0) === 0x80) {
      units[n++] = ((c & 0x1f) << 6) | (b[i + 1]! & 0x3f);
      i += 2;
    } else {
      return undefined; // 3- and 4-byte sequences do not occur in these texts
    }
  }
  return n;
}

export function textDecodeCases(): TextDecodeCase[] {
  const { texts, page, ranges } = textsInPage();
  const count = texts.length;
  const out = new Array<string>(count);
  const decoder = new TextDecoder();
  const scratch = new Uint8Array(page.length + count);
  const units = new Uint16Array(4096);
  const unitBytes = new Uint8Array(units.buffer);
  const joined = new TextEncoder().encode(texts.join("\n"));
  const cases: TextDecodeCase[] = [
    {
      name: "per string, utf8Slice",
      decode: () => {
        for (let i = 0; i < count; i++) out[i] = utf8Slice.call(page, ranges[2 * i]!, ranges[2 * i + 1]!);
        return out;
      },
    },
    {
      name: "per string, TextDecoder",
      decode: () => {
        for (let i = 0; i < count; i++) out[i] = decoder.decode(page.subarray(ranges[2 * i], ranges[2 * i + 1]));
        return out;
      },
    },
    {
      name: "batched: copy, 1 decode, split",
      decode: () => {
        let p = 0;
        for (let i = 0; i < count; i++) {
          const start = ranges[2 * i]!;
          const end = ranges[2 * i + 1]!;
          scratch.set(page.subarray(start, end), p);
          p += end - start;
          scratch[p++] = 0xff;
        }
        const pieces = utf8Slice.call(scratch, 0, p - 1).split("\ufffd");
        if (pieces.length !== count) throw new Error("a text held U+FFFD or invalid UTF-8");
        return pieces;
      },
    },
    {
      name: "joined texts, 1 decode only",
      decode: () => [utf8Slice.call(joined, 0, joined.length)],
    },
    {
      name: "JS loop + ucs2Slice",
      decode: () => {
        for (let i = 0; i < count; i++) {
          const n = decodeToUnits(page, ranges[2 * i]!, ranges[2 * i + 1]!, units);
          out[i] =
            n === undefined
              ? utf8Slice.call(page, ranges[2 * i]!, ranges[2 * i + 1]!)
              : ucs2Slice.call(unitBytes, 0, 2 * n);
        }
        return out;
      },
    },
  ];
  for (const c of cases) {
    const got = c.decode();
    const expected = c.name.startsWith("joined") ? [texts.join("\n")] : texts;
    if (got.length !== expected.length || got.some((s, i) => s !== expected[i])) throw new Error(`${c.name} is wrong`);
  }
  return cases;
}
