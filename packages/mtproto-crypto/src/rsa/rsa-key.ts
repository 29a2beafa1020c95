/** RSA key shapes as bigints; fingerprints per https://core.telegram.org/mtproto/auth_key#dh-exchange-initiation. */
import type { CryptoProvider } from "../provider.js";
import { bigIntToMinimalBytes } from "../util/bigint.js";
import { concatBytes, readInt64LE } from "../util/bytes.js";

export interface RsaPublicKey {
  readonly n: bigint;
  readonly e: bigint;
}

export interface RsaPrivateKey extends RsaPublicKey {
  readonly d: bigint;
  readonly p: bigint;
  readonly q: bigint;
}

export interface RsaFingerprint {
  /** The 8 bytes as they appear in resPQ / req_DH_params (SHA1(...)[12..20]). */
  readonly bytes: Uint8Array;
  /** The little-endian signed `long` (GramJS keys its map by this as a decimal string). */
  readonly long: bigint;
  /** The same 64 bits unsigned, e.g. 0xd09d1d85de64fd85n for the production key. */
  readonly unsigned: bigint;
}

/** TL `bytes` serialisation (https://core.telegram.org/mtproto/serialize#base-types): length prefix and 4-byte alignment. */
export function tlBytes(data: Uint8Array): Uint8Array {
  const header =
    data.length <= 253
      ? Uint8Array.of(data.length)
      : Uint8Array.of(254, data.length & 255, (data.length >> 8) & 255, data.length >>> 16);
  const padding = (4 - ((header.length + data.length) % 4)) % 4;
  return concatBytes(header, data, new Uint8Array(padding));
}

/** Lower 64 bits of SHA1 of TL-serialised `rsa_public_key n:bytes e:bytes`. */
export function rsaFingerprint(crypto: CryptoProvider, key: RsaPublicKey): RsaFingerprint {
  const digest = crypto.sha1(concatBytes(tlBytes(bigIntToMinimalBytes(key.n)), tlBytes(bigIntToMinimalBytes(key.e))));
  const bytes = digest.slice(12, 20);
  const long = readInt64LE(bytes, 0);
  return { bytes, long, unsigned: BigInt.asUintN(64, long) };
}
