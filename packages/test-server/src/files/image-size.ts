import type { FileContent } from "./file-content.js";

/** The one size a stored photo has: the uploaded image as it came (https://core.telegram.org/api/files#image-thumbnail-types). */
export interface PhotoSizeInfo {
  /** The thumbnail type letter its longest side fits: s 100, m 320, x 800, y 1280, w 2560 (and larger). */
  readonly type: string;
  readonly w: number;
  readonly h: number;
  readonly mimeType: "image/png" | "image/jpeg" | "application/octet-stream";
}

/** Most header bytes read to find a JPEG's frame header. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Width and height from a PNG's IHDR or a JPEG's first SOF marker; 0 x 0 when the bytes are neither
 * (the server does no image processing: the uploaded bytes are the photo's only size).
 */
export function photoSizeOf(content: FileContent): PhotoSizeInfo {
  const head = content.read(0, SNIFF_BYTES);
  const size = pngSize(head) ?? jpegSize(head);
  const w = size?.w ?? 0;
  const h = size?.h ?? 0;
  return { type: typeFor(Math.max(w, h)), w, h, mimeType: size?.mimeType ?? "application/octet-stream" };
}

function typeFor(longest: number): string {
  if (longest === 0) return "y";
  if (longest <= 100) return "s";
  if (longest <= 320) return "m";
  if (longest <= 800) return "x";
  if (longest <= 1280) return "y";
  return "w";
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(bytes: Uint8Array): { w: number; h: number; mimeType: "image/png" } | undefined {
  if (bytes.length < 24 || PNG_MAGIC.some((byte, i) => bytes[i] !== byte)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { w: view.getUint32(16), h: view.getUint32(20), mimeType: "image/png" };
}

/** Walks the JPEG segments to the first start-of-frame (SOF0..SOF15 but DHT, JPG, DAC). */
function jpegSize(bytes: Uint8Array): { w: number; h: number; mimeType: "image/jpeg" } | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2;
  while (at + 9 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    const length = view.getUint16(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { h: view.getUint16(at + 5), w: view.getUint16(at + 7), mimeType: "image/jpeg" };
    }
    if (length < 2) return undefined;
    at += 2 + length;
  }
  return undefined;
}
