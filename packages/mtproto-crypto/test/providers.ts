// The ONE conformance suite runs every test file against each provider listed here.
import type { CryptoProvider } from "../src/index.js";
import { createNodeCrypto, createPortableCrypto } from "../src/node.js";

export const PROVIDERS: readonly CryptoProvider[] = [
  createPortableCrypto(),
  createNodeCrypto({ native: false }),
  // With the AES-NI addon when it is built (name "node+aesni"); otherwise a second JS-path run.
  createNodeCrypto(),
];

/** A deterministic "random" source for reproducing vectors: hands out `bytes` in order. */
export function fixedRandom(bytes: Uint8Array): (out: Uint8Array) => Uint8Array {
  let offset = 0;
  return (out) => {
    if (offset + out.length > bytes.length) throw new Error("fixed randomness exhausted");
    out.set(bytes.subarray(offset, offset + out.length));
    offset += out.length;
    return out;
  };
}

/** The provider with its randomness replaced, everything else unchanged. */
export function withRandom(crypto: CryptoProvider, bytes: Uint8Array): CryptoProvider {
  return { ...crypto, randomFill: fixedRandom(bytes) };
}
