// UTF-8 for TL `string` fields (https://core.telegram.org/mtproto/serialize#base-types: strings are
// UTF-8 bytes). Measured on Node 20 (100-byte and 6..48-byte strings): a hand loop wins only below
// ~12 bytes; above that Node's native `Buffer#utf8Slice` is about 2x faster than TextDecoder, which
// is what browsers use. All three replace invalid sequences with U+FFFD.

const decoder = new TextDecoder("utf-8");
const encoder = new TextEncoder();

/** Longest pure-ASCII string decoded by hand. */
const HAND_DECODE_LIMIT = 12;

type Utf8Slice = (this: Uint8Array, start: number, end: number) => string;
const nodeUtf8Slice = (globalThis as { Buffer?: { prototype: { utf8Slice?: Utf8Slice } } }).Buffer?.prototype.utf8Slice;

function decodeLong(bytes: Uint8Array, start: number, end: number): string {
  return nodeUtf8Slice === undefined
    ? decoder.decode(bytes.subarray(start, end))
    : nodeUtf8Slice.call(bytes, start, end);
}

export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  if (end - start > HAND_DECODE_LIMIT) return decodeLong(bytes, start, end);
  let out = "";
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    if (c >= 0x80) return decodeLong(bytes, start, end);
    out += String.fromCharCode(c);
  }
  return out;
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
