import type { CryptoProvider } from "@mtkit/mtproto-crypto";

/**
 * AES-256-CTR over the bytes at `offset` of a CDN file: the iv's last 4 bytes become offset / 16,
 * big-endian (https://core.telegram.org/cdn#getting-files). Encryption and decryption are the same.
 */
export function cdnCtr(
  crypto: CryptoProvider,
  key: Uint8Array,
  iv: Uint8Array,
  offset: bigint,
  data: Uint8Array,
): Uint8Array {
  const counterIv = iv.slice();
  new DataView(counterIv.buffer).setUint32(12, Number((offset / 16n) & 0xffff_ffffn), false);
  return crypto.createAesCtr(key, counterIv).process(data);
}
