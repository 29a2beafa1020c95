/**
 * The SRP values both sides share (https://core.telegram.org/api/srp#checking-the-password-with-srp):
 * k = H(p ‖ g_256), u = H(A ‖ B), K = H(S_256) and
 * M1 = H(H(p) XOR H(g_256) ‖ H(salt1) ‖ H(salt2) ‖ A ‖ B ‖ K), where numbers are 256-byte big-endian.
 */
import type { CryptoProvider } from "../provider.js";
import { bigIntFromBytes, bigIntToBytes } from "../util/bigint.js";
import { concatBytes, xorBytes } from "../util/bytes.js";
import type { SrpAlgorithm } from "./srp-hash.js";

export function srpMultiplier(crypto: CryptoProvider, algo: SrpAlgorithm): bigint {
  return bigIntFromBytes(crypto.sha256(concatBytes(algo.p, bigIntToBytes(BigInt(algo.g), 256))));
}

export function srpScrambler(crypto: CryptoProvider, a256: Uint8Array, b256: Uint8Array): bigint {
  return bigIntFromBytes(crypto.sha256(concatBytes(a256, b256)));
}

export function computeM1(
  crypto: CryptoProvider,
  algo: SrpAlgorithm,
  a256: Uint8Array,
  b256: Uint8Array,
  sessionSecret: bigint,
): Uint8Array {
  const h = (data: Uint8Array): Uint8Array => crypto.sha256(data);
  const k = h(bigIntToBytes(sessionSecret, 256));
  return h(
    concatBytes(
      xorBytes(h(algo.p), h(bigIntToBytes(BigInt(algo.g), 256))),
      h(algo.salt1),
      h(algo.salt2),
      a256,
      b256,
      k,
    ),
  );
}
