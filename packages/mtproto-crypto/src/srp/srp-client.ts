/**
 * Client side of 2FA SRP: inputCheckPasswordSRP{srp_id, A, M1} for auth.checkPassword
 * (https://core.telegram.org/api/srp#checking-the-password-with-srp). Randomness (the 2048-bit a)
 * comes from `crypto.randomFill` unless given, so tests can reproduce vectors.
 */
import { checkDhParams } from "../dh/dh-checks.js";
import type { CryptoProvider } from "../provider.js";
import { bigIntFromBytes, bigIntToBytes, mod } from "../util/bigint.js";
import { SrpError } from "./srp-error.js";
import { type SrpAlgorithm, computePasswordHash } from "./srp-hash.js";
import { computeM1, srpMultiplier, srpScrambler } from "./srp-proof.js";

export interface SrpCheckInput {
  readonly algo: SrpAlgorithm;
  /** srp_B from account.password. */
  readonly srpB: Uint8Array;
  readonly password: string | Uint8Array;
  /** 256 random bytes for a; drawn from the provider when omitted. */
  readonly random?: Uint8Array;
  /** Skip the p/g safe-prime check when the caller already ran checkDhParams on these values. */
  readonly paramsChecked?: boolean;
}

export interface SrpCheck {
  /** g^a mod p, 256 bytes. */
  readonly A: Uint8Array;
  /** 32 bytes. */
  readonly M1: Uint8Array;
}

export function computeSrpCheck(crypto: CryptoProvider, input: SrpCheckInput): SrpCheck {
  const { algo } = input;
  const p = bigIntFromBytes(algo.p);
  if (input.paramsChecked !== true) checkDhParams(crypto, p, algo.g);
  const gB = bigIntFromBytes(input.srpB);
  if (gB <= 0n || gB >= p) throw new SrpError("INVALID_B", "srp_B is not in 1 .. p - 1");
  const g = BigInt(algo.g);
  const x = bigIntFromBytes(computePasswordHash(crypto, algo, input.password));
  const v = crypto.modPow(g, x, p);
  const k = srpMultiplier(crypto, algo);
  const random = input.random ?? crypto.randomFill(new Uint8Array(256));
  if (random.length !== 256) throw new SrpError("INVALID_PARAMS", "a must be 256 random bytes");
  const a = bigIntFromBytes(random);
  const gA = crypto.modPow(g, a, p);
  const a256 = bigIntToBytes(gA, 256);
  const b256 = bigIntToBytes(gB, 256);
  const u = srpScrambler(crypto, a256, b256);
  if (u === 0n) throw new SrpError("INVALID_B", "u = H(A ‖ B) is zero");
  const t = mod(gB - k * v, p);
  const s = crypto.modPow(t, a + u * x, p);
  return { A: a256, M1: computeM1(crypto, algo, a256, b256, s) };
}
