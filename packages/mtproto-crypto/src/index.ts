// Public surface of @mtkit/mtproto-crypto; see README.md.
export type { AesCtr, CryptoProvider } from "./provider.js";
