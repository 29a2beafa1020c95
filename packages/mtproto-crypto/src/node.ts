// Node entry of @mtkit/mtproto-crypto: everything from the portable entry plus the node:crypto
// provider and Node-only helpers (RSA key generation for the test server). See README.md.
export * from "./index.js";
export { createNodeCrypto, type NodeCryptoOptions } from "./node/node-provider.js";
export { nativeAesAvailable } from "./node/native-aes.js";
export { type GeneratedRsaKeyPair, generateRsaKeyPair } from "./node/generate-rsa-key.js";
