// The ONE conformance suite runs every test file against each provider listed here.
import type { CryptoProvider } from "../src/index.js";
import { createNodeCrypto, createPortableCrypto } from "../src/node.js";

export const PROVIDERS: readonly CryptoProvider[] = [
  createPortableCrypto(),
  createPortableCrypto({ simd: false }),
  { ...createPortableCrypto({ simdDecrypt: true }), name: "portable (simd decrypt)" },
  createPortableCrypto({ wasm: false }),
  createNodeCrypto({ native: false }),
  // With the AES-NI addon when it is built (name "node+aesni"); otherwise a second JS-path run.
  createNodeCrypto(),
];
