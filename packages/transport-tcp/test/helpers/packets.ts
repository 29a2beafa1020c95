import fc from "fast-check";
import type { Frame } from "../../src/codec/frame.js";

/**
 * Packets shaped like MTProto messages (what padded intermediate can trim exactly):
 * encrypted = 8 random key-id bytes (non-zero) + 16 + 16k bytes; plain = 0(8) + msg_id + len + body.
 */
export const mtprotoPacket: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 300 }), fc.uint8Array({ minLength: 8, maxLength: 8 })).map(([blocks, keyId]) => {
    const out = new Uint8Array(24 + blocks * 16).map((_, i) => (i * 31 + blocks) & 0xff);
    out.set(keyId, 0);
    out[0] = out[0]! | 1;
    return out;
  }),
  fc.integer({ min: 0, max: 1000 }).map((words) => {
    const out = new Uint8Array(20 + words * 4).map((_, i) => (i * 7) & 0xff);
    out.fill(0, 0, 8);
    new DataView(out.buffer).setUint32(16, words * 4, true);
    return out;
  }),
);

/** Splits `bytes` at the given cut points (sorted, deduplicated). */
export function splitAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let last = 0;
  for (const p of points) {
    parts.push(bytes.subarray(last, p));
    last = p;
  }
  parts.push(bytes.subarray(last));
  return parts;
}

/** Decoded packets as hex (vitest compares strings much faster than large typed arrays). */
export function payloads(frames: Frame[]): string[] {
  return frames.map((f) => {
    if (f.kind !== "packet") throw new Error(`unexpected ${f.kind}`);
    return Buffer.from(f.payload).toString("hex");
  });
}

export const hexOf = (packets: Uint8Array[]): string[] => packets.map((p) => Buffer.from(p).toString("hex"));
