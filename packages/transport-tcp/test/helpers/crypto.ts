// The real providers of @mtkit/mtproto-crypto: node:crypto-backed and portable (@noble).
import { createPortableCrypto, type CryptoProvider } from "@mtkit/mtproto-crypto";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";

export const providers: readonly CryptoProvider[] = [createNodeCrypto(), createPortableCrypto()];

export function testCrypto(): CryptoProvider {
  return providers[0]!;
}

/** A provider whose randomness is a fixed byte stream (to reproduce vectors). */
export function fixedRandomCrypto(bytes: Uint8Array, base: CryptoProvider = testCrypto()): CryptoProvider {
  let offset = 0;
  return {
    ...base,
    name: `${base.name}+fixed-random`,
    sha256: (d) => base.sha256(d),
    hmacSha256: (k, d) => base.hmacSha256(k, d),
    createAesCtr: (k, iv) => base.createAesCtr(k, iv),
    randomFill: (out) => {
      for (let i = 0; i < out.length; i++) out[i] = bytes[(offset + i) % bytes.length]!;
      offset += out.length;
      return out;
    },
  };
}
