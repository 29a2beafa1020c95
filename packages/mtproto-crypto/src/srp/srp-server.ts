/**
 * Server side of 2FA SRP for the test server: B = k*v + g^b mod p from the stored verifier
 * v = g^x, and verification of the client's M1 with S = (A * v^u)^b mod p
 * (https://core.telegram.org/api/srp; the same equations as RFC 5054 with Telegram's hashes).
 */
import type { CryptoProvider } from "../provider.js";
import { bigIntFromBytes, bigIntToBytes } from "../util/bigint.js";
import { bytesEqual } from "../util/bytes.js";
import { SrpError } from "./srp-error.js";
import type { SrpAlgorithm } from "./srp-hash.js";
import { computeM1, srpMultiplier, srpScrambler } from "./srp-proof.js";

export interface SrpServerSession {
  /** srp_B for account.password, 256 bytes. */
  readonly srpB: Uint8Array;
  /** The server's secret b (keep it with srp_id until auth.checkPassword arrives). */
  readonly b: bigint;
}

export function createSrpServerSession(
  crypto: CryptoProvider,
  algo: SrpAlgorithm,
  verifier: Uint8Array,
  random?: Uint8Array,
): SrpServerSession {
  const p = bigIntFromBytes(algo.p);
  const b = bigIntFromBytes(random ?? crypto.randomFill(new Uint8Array(256))) % p;
  const v = bigIntFromBytes(verifier);
  const gB = (srpMultiplier(crypto, algo) * v + crypto.modPow(BigInt(algo.g), b, p)) % p;
  return { srpB: bigIntToBytes(gB, 256), b };
}

/** True when M1 proves knowledge of the password; throws SrpError on a malformed A. */
export function verifySrpCheck(
  crypto: CryptoProvider,
  algo: SrpAlgorithm,
  verifier: Uint8Array,
  session: SrpServerSession,
  check: { readonly A: Uint8Array; readonly M1: Uint8Array },
): boolean {
  const p = bigIntFromBytes(algo.p);
  const gA = bigIntFromBytes(check.A);
  if (gA <= 1n || gA >= p - 1n) throw new SrpError("INVALID_A", "A is not in 2 .. p - 2");
  const a256 = bigIntToBytes(gA, 256);
  const u = srpScrambler(crypto, a256, session.srpB);
  const v = bigIntFromBytes(verifier);
  const s = crypto.modPow((gA * crypto.modPow(v, u, p)) % p, session.b, p);
  return bytesEqual(computeM1(crypto, algo, a256, session.srpB, s), check.M1);
}
