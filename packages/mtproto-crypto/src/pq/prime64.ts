/**
 * Deterministic primality for n < 2^64: Miller-Rabin with the first 12 prime bases is exact in
 * that range (Sorenson & Webster 2015), so no randomness is needed for pq-sized numbers.
 */
import { modPowBigInt } from "../util/bigint.js";
import { decomposePredecessor, trialDivision, witnessesComposite } from "../util/miller-rabin.js";

const BASES = [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n];

export function isPrime64(n: bigint): boolean {
  const decided = trialDivision(n, BASES);
  if (decided !== undefined) return decided;
  const decomposition = decomposePredecessor(n);
  return !BASES.some((a) => witnessesComposite(a, n, decomposition, modPowBigInt));
}
