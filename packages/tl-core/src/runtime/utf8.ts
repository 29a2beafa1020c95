// UTF-8 for TL `string` fields (https://core.telegram.org/mtproto/serialize#base-types: strings are
// UTF-8 bytes). Measured on Node 20 (CPU time, tooling/bench TL row): every native decoder (Node's
// `Buffer#utf8Slice`, TextDecoder) costs ~100 ns per call before it reads a byte, so short pure-ASCII
// strings (names, usernames, phones) are built in JS by one `String.fromCharCode` call with one argument
// per byte: a flat string in one allocation, 3-4x faster than the native call up to 16 bytes (a loop of
// `+=` was only ~1.5x). Longer or non-ASCII strings go to `utf8Slice` (about 2x TextDecoder; browsers use
// TextDecoder). All of them replace invalid sequences with U+FFFD.

const decoder = new TextDecoder("utf-8");
const encoder = new TextEncoder();

/** Longest pure-ASCII string decoded by hand (`asciiString` has one case per length up to it). */
const HAND_DECODE_LIMIT = 16;

type Utf8Slice = (this: Uint8Array, start: number, end: number) => string;
const nodeUtf8Slice = (globalThis as { Buffer?: { prototype: { utf8Slice?: Utf8Slice } } }).Buffer?.prototype.utf8Slice;

function decodeLong(bytes: Uint8Array, start: number, end: number): string {
  return nodeUtf8Slice === undefined
    ? decoder.decode(bytes.subarray(start, end))
    : nodeUtf8Slice.call(bytes, start, end);
}

export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  if (end - start > HAND_DECODE_LIMIT) return decodeLong(bytes, start, end);
  for (let i = start; i < end; i++) if (bytes[i]! >= 0x80) return decodeLong(bytes, start, end);
  return asciiString(bytes, start, end - start);
}

const char = String.fromCharCode;

/** `length` (0..16) ASCII bytes at `s` as a string; the caller checked the bytes and the length. */
function asciiString(b: Uint8Array, s: number, length: number): string {
  // prettier-ignore
  switch (length) {
    case 0: return "";
    case 1: return char(b[s]!);
    case 2: return char(b[s]!, b[s + 1]!);
    case 3: return char(b[s]!, b[s + 1]!, b[s + 2]!);
    case 4: return char(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!);
    case 5: return char(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!);
    case 6: return char(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!);
    case 7: return char(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!);
    case 8: return char(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!);
    case 9: return char(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!);
    case 10: return char(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!, b[s + 9]!);
    case 11: return char(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!, b[s + 9]!, b[s + 10]!);
    case 12: return char(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!, b[s + 9]!, b[s + 10]!, b[s + 11]!);
    case 13: return char(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!, b[s + 9]!, b[s + 10]!, b[s + 11]!, b[s + 12]!);
    case 14: return char(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!, b[s + 9]!, b[s + 10]!, b[s + 11]!, b[s + 12]!, b[s + 13]!);
    case 15: return char(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!, b[s + 9]!, b[s + 10]!, b[s + 11]!, b[s + 12]!, b[s + 13]!, b[s + 14]!);
    default: return char(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!, b[s + 8]!, b[s + 9]!, b[s + 10]!, b[s + 11]!, b[s + 12]!, b[s + 13]!, b[s + 14]!, b[s + 15]!);
  }
}

/**
 * Number of bytes `encodeUtf8Into` writes for `text`. Lone surrogates count 3 bytes because
 * TextEncoder replaces them with U+FFFD.
 */
export function utf8Length(text: string): number {
  const n = text.length;
  let bytes = n;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      bytes += 1;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 2; // 4 bytes for 2 UTF-16 units
        i++;
      } else {
        bytes += 2;
      }
    } else {
      bytes += 2;
    }
  }
  return bytes;
}

/** Writes `text` at `offset`; `byteLength` must come from `utf8Length(text)` and fit in `target`. */
export function encodeUtf8Into(text: string, byteLength: number, target: Uint8Array, offset: number): void {
  if (byteLength === text.length) {
    for (let i = 0; i < byteLength; i++) target[offset + i] = text.charCodeAt(i);
    return;
  }
  encoder.encodeInto(text, target.subarray(offset, offset + byteLength));
}
