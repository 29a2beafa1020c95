/**
 * CSPRNG through the Web Crypto API (`globalThis.crypto`, present in browsers and Node >= 19).
 * getRandomValues fills at most 65536 bytes per call, so larger buffers go in chunks.
 */
const MAX_CHUNK = 65536;

export function fillRandomWeb(out: Uint8Array): Uint8Array {
  for (let offset = 0; offset < out.length; offset += MAX_CHUNK) {
    // A view on a SharedArrayBuffer is rejected by getRandomValues anyway; the cast only narrows the type.
    globalThis.crypto.getRandomValues(
      out.subarray(offset, Math.min(out.length, offset + MAX_CHUNK)) as Uint8Array<ArrayBuffer>,
    );
  }
  return out;
}
