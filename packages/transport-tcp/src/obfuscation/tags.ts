import type { FramingProtocol } from "../codec/frame.js";
import { TransportError } from "../codec/errors.js";

/** The 4-byte protocol tag stored at init[56..60] (the full transport cannot be obfuscated). */
export function obfuscationTag(protocol: FramingProtocol): Uint8Array {
  switch (protocol) {
    case "abridged":
      return Uint8Array.of(0xef, 0xef, 0xef, 0xef);
    case "intermediate":
      return Uint8Array.of(0xee, 0xee, 0xee, 0xee);
    case "padded":
      return Uint8Array.of(0xdd, 0xdd, 0xdd, 0xdd);
    case "full":
      throw new TransportError(
        "INVALID_ARGUMENT",
        "the full transport has no obfuscation tag; use abridged, intermediate or padded",
      );
  }
}

/** The framing named by a decrypted tag, or undefined for anything else. */
export function protocolOfTag(tag: Uint8Array): FramingProtocol | undefined {
  const [a, b, c, d] = tag;
  if (a !== b || b !== c || c !== d) return undefined;
  if (a === 0xef) return "abridged";
  if (a === 0xee) return "intermediate";
  if (a === 0xdd) return "padded";
  return undefined;
}
