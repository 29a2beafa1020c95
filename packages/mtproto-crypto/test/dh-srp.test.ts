import { hex, loadVectors, toHex } from "@mtkit/test-vectors";
import { describe, expect, it } from "vitest";
import {
  bigIntFromBytes,
  checkDhParams,
  checkDhValue,
  computePasswordHash,
  computePasswordVerifier,
  computeSrpCheck,
  createSrpServerSession,
  DhCheckError,
  isGeneratorValidFor,
  isSafePrime,
  type SrpAlgorithm,
  SrpError,
  TELEGRAM_DH_PRIME,
  verifySrpCheck,
} from "../src/index.js";
import { PROVIDERS } from "./providers.js";

interface SrpCase {
  salt1?: string;
  salt1_extended?: string;
  salt2: string;
  g: number;
  p: string;
  srp_B?: string;
  a?: string;
  password_utf8: string;
  expected: Record<string, string>;
  intermediate?: Record<string, string>;
}
const srp = loadVectors("srp-2fa") as {
  cases: SrpCase[];
  p_g_validation_examples: { cases: { p: number; g: number; valid: boolean }[] };
};
const [checkCase, newPasswordCase] = srp.cases as [SrpCase, SrpCase];
const sample = (loadVectors("auth-key-exchange") as { official_sample: { tl: Record<string, string> } }).official_sample
  .tl;

const algoOf = (c: SrpCase, salt1: string): SrpAlgorithm => ({
  salt1: hex(salt1),
  salt2: hex(c.salt2),
  g: c.g,
  p: hex(c.p),
});

describe.each(PROVIDERS)("DH checks ($name)", (crypto) => {
  it("Telegram's prime is the one servers send and passes every check", () => {
    expect(TELEGRAM_DH_PRIME).toBe(bigIntFromBytes(hex(sample.dh_prime!)));
    checkDhParams(crypto, TELEGRAM_DH_PRIME, 3);
    checkDhValue(TELEGRAM_DH_PRIME, bigIntFromBytes(hex(sample.g_a!)), "g_a");
    checkDhValue(TELEGRAM_DH_PRIME, bigIntFromBytes(hex(sample.g_b!)), "g_b");
  });

  it.each(srp.p_g_validation_examples.cases)(
    "residue rule and safe prime: p = $p, g = $g -> $valid",
    ({ p, g, valid }) => {
      expect(isGeneratorValidFor(BigInt(p), g) && isSafePrime(crypto, BigInt(p))).toBe(valid);
    },
  );

  it("rejects bad primes, generators and values with typed codes", () => {
    const code = (fn: () => void): string => {
      try {
        fn();
      } catch (e) {
        expect(e).toBeInstanceOf(DhCheckError);
        return (e as DhCheckError).code;
      }
      return "none";
    };
    expect(
      code(() => {
        checkDhParams(crypto, TELEGRAM_DH_PRIME >> 1n, 3);
      }),
    ).toBe("PRIME_NOT_2048_BITS");
    expect(
      code(() => {
        checkDhParams(crypto, TELEGRAM_DH_PRIME, 2);
      }),
    ).toBe("GENERATOR_INVALID");
    expect(
      code(() => {
        checkDhParams(crypto, TELEGRAM_DH_PRIME, 8);
      }),
    ).toBe("GENERATOR_INVALID");
    // 2048-bit, p % 3 == 2 so g = 3 passes the residue rule, but p is not prime.
    let fake = TELEGRAM_DH_PRIME + 6n;
    while (fake % 3n !== 2n) fake += 2n;
    expect(
      code(() => {
        checkDhParams(crypto, fake, 3);
      }),
    ).toBe("PRIME_NOT_SAFE");
    for (const v of [0n, 1n, 2n, 1n << 1983n, TELEGRAM_DH_PRIME - 1n, TELEGRAM_DH_PRIME - 2n, TELEGRAM_DH_PRIME]) {
      expect(
        code(() => {
          checkDhValue(TELEGRAM_DH_PRIME, v);
        }),
      ).toBe("VALUE_OUT_OF_RANGE");
    }
  });

  it("modPow reproduces g_b = 3^b mod p and the auth key of the official sample", () => {
    const b = bigIntFromBytes(hex(sample.b!));
    expect(crypto.modPow(3n, b, TELEGRAM_DH_PRIME)).toBe(bigIntFromBytes(hex(sample.g_b!)));
    expect(crypto.modPow(bigIntFromBytes(hex(sample.g_a!)), b, TELEGRAM_DH_PRIME)).toBe(
      bigIntFromBytes(hex(sample.auth_key!)),
    );
  });
});

describe.each(PROVIDERS)("SRP 2FA ($name)", (crypto) => {
  const algo = algoOf(checkCase, checkCase.salt1!);

  it("computes A and M1 of the vector, and its intermediates", () => {
    const result = computeSrpCheck(crypto, {
      algo,
      srpB: hex(checkCase.srp_B!),
      password: checkCase.password_utf8,
      random: hex(checkCase.a!),
    });
    expect(toHex(result.A)).toBe(checkCase.expected.A);
    expect(toHex(result.M1)).toBe(checkCase.expected.M1);
    expect(toHex(computePasswordHash(crypto, algo, checkCase.password_utf8))).toBe(
      checkCase.intermediate!.x_for_72_byte_salt1,
    );
    expect(toHex(computePasswordVerifier(crypto, algo, checkCase.password_utf8))).toBe(checkCase.intermediate!.v);
    const shortSalt = algoOf(checkCase, checkCase.salt1!.slice(0, 80));
    expect(toHex(computePasswordHash(crypto, shortSalt, checkCase.password_utf8))).toBe(
      checkCase.expected.x_password_hash_for_40_byte_salt1,
    );
  });

  it("computes new_password_hash", () => {
    const newAlgo = algoOf(newPasswordCase, newPasswordCase.salt1_extended!);
    expect(toHex(computePasswordVerifier(crypto, newAlgo, newPasswordCase.password_utf8))).toBe(
      newPasswordCase.expected.new_password_hash,
    );
  });

  it("the server side accepts the right password and rejects a wrong one", () => {
    const verifier = computePasswordVerifier(crypto, algo, "correct horse");
    const session = createSrpServerSession(crypto, algo, verifier);
    const good = computeSrpCheck(crypto, { algo, srpB: session.srpB, password: "correct horse" });
    expect(verifySrpCheck(crypto, algo, verifier, session, good)).toBe(true);
    const bad = computeSrpCheck(crypto, { algo, srpB: session.srpB, password: "battery staple", paramsChecked: true });
    expect(verifySrpCheck(crypto, algo, verifier, session, bad)).toBe(false);
    expect(() => verifySrpCheck(crypto, algo, verifier, session, { A: new Uint8Array(256), M1: good.M1 })).toThrow(
      SrpError,
    );
    expect(() => computeSrpCheck(crypto, { algo, srpB: new Uint8Array(256), password: "x" })).toThrow(SrpError);
    expect(() => computeSrpCheck(crypto, { algo: { ...algo, g: 2 }, srpB: session.srpB, password: "x" })).toThrow(
      DhCheckError,
    );
  });
});
