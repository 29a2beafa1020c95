/**
 * Loads the optional AES-NI addon (src/native/aes_ige.c, built by native/build-native.mjs into
 * dist/native/). Any failure — not built, other platform, no AES-NI, MTKIT_NO_NATIVE=1 — yields
 * undefined and the Node provider keeps its JS/CBC paths: the addon is never required.
 */
import { createRequire } from "node:module";

export interface NativeAes {
  readonly supported: boolean;
  // Plain N-API functions: they never use `this`.
  readonly igeEncrypt: (data: Uint8Array, key: Uint8Array, iv: Uint8Array, out: Uint8Array) => void;
  readonly igeDecrypt: (data: Uint8Array, key: Uint8Array, iv: Uint8Array, out: Uint8Array) => void;
  /** AES-256-CTR (see native-ctr.ts); missing in addons built before it existed. */
  readonly ctrXor?: (
    data: Uint8Array,
    out: Uint8Array,
    key: Uint8Array,
    counter: Uint8Array,
    keystream: Uint8Array,
  ) => void;
}

// Relative to dist/node/ (published layout) and to src/node/ (tests run from source).
const CANDIDATES = ["../native/mtkit_aes.node", "../../dist/native/mtkit_aes.node"];

let loaded: NativeAes | null | undefined;

export function loadNativeAes(): NativeAes | undefined {
  if (loaded === undefined) {
    loaded = null;
    if (process.env.MTKIT_NO_NATIVE !== "1") {
      const require = createRequire(import.meta.url);
      for (const path of CANDIDATES) {
        try {
          const addon = require(path) as NativeAes;
          if (addon.supported) {
            loaded = addon;
            break;
          }
        } catch {
          // Not built here; try the next location, then fall back to JS.
        }
      }
    }
  }
  return loaded ?? undefined;
}

/** True when IGE runs through the AES-NI addon in this process. */
export function nativeAesAvailable(): boolean {
  return loadNativeAes() !== undefined;
}
