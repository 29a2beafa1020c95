import { checkDhParams, checkDhValue as checkValue, DhCheckError, type CryptoProvider } from "@mtkit/mtproto-crypto";
import { HandshakeError, type HandshakeErrorCode } from "../errors.js";

/**
 * Adapts mtproto-crypto's DH checks (safe 2048-bit prime, g residue rule, value ranges) to the
 * handshake's typed errors: https://core.telegram.org/mtproto/auth_key#presenting-proof-of-work-server-authentication
 */
export function checkDhGroup(crypto: CryptoProvider, p: bigint, g: number, step: string): void {
  try {
    checkDhParams(crypto, p, g);
  } catch (error) {
    if (!(error instanceof DhCheckError)) throw error;
    throw new HandshakeError(error.code === "GENERATOR_INVALID" ? "BAD_G" : "BAD_DH_PRIME", error.message, step);
  }
}

export function checkDhValue(x: bigint, p: bigint, code: HandshakeErrorCode, step: string): void {
  try {
    checkValue(p, x);
  } catch (error) {
    if (!(error instanceof DhCheckError)) throw error;
    throw new HandshakeError(code, error.message, step);
  }
}
