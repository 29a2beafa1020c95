/**
 * Telegram's well-known 2048-bit safe prime with g = 3, as served by Telegram itself
 * (https://core.telegram.org/mtproto/auth_key#dh-exchange-initiation). mtcute recognises this prime
 * and skips its Miller–Rabin checks; g = 3 passes the residue rule (p mod 3 = 2).
 */
export const DH_PRIME = BigInt(
  "0xc71caeb9c6b1c9048e6c522f70f13f73980d40238e3e21c14934d037563d930f48198a0aa7c14058229493d22530f4dbfa3" +
    "36f6e0ac925139543aed44cce7c3720fd51f69458705ac68cd4fe6b6b13abdc9746512969328454f18faf8c595f642477fe96b" +
    "b2a941d5bcd1d4ac8cc49880708fa9b378e3c4f3a9060bee67cf9a4a4a695811051907e162753b56b0f6b410dba74d8a84b2a" +
    "14b3144e0ef1284754fd17ed950d5965b4b9dd46582db1178d169c6bc465b0d6ff9ca3928fef5b9ae4e418fc15e83ebea0f87f" +
    "a9ff5eed70050ded2849f47bf959d956850ce929851f0d8115f635b105ee2e4e15d04b2454bf6f4fadf034b10403119cd8e3b9" +
    "2fcc5b",
);

export const DH_G = 3;

/** 2^(2048-64): the safety margin for g_a and g_b (https://core.telegram.org/mtproto/security_guidelines). */
export const DH_MARGIN = 1n << 1984n;

/** True when 2^1984 < value < p - 2^1984, which also implies 1 < value < p - 1. */
export function isSafeDhValue(value: bigint): boolean {
  return value > DH_MARGIN && value < DH_PRIME - DH_MARGIN;
}
