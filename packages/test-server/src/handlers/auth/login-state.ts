import type { SrpServerSession } from "@mtkit/mtproto-crypto";

/** Short-lived login state (codes, 2FA proofs, exported authorizations, QR tokens); never persisted. */
export class LoginState {
  /** `onCode` hears every code auth.sendCode sends (the CLI prints them: a shell user has no other way to read one). */
  constructor(readonly onCode?: (phone: string, code: string) => void) {}

  /** phone -> the code sent and its hash. */
  readonly codes = new Map<string, { readonly hash: string; readonly code: string; verified: boolean }>();
  /** Keys that passed the code step of an account with a password, waiting for auth.checkPassword. */
  readonly awaitingPassword = new Map<string, bigint>();
  readonly srpSessions = new Map<bigint, { readonly userId: bigint; readonly session: SrpServerSession }>();
  readonly exports = new Map<bigint, { readonly userId: bigint; readonly dcId: number; readonly bytes: Uint8Array }>();
  /** QR login tokens (hex) -> who asked and who accepted. */
  readonly loginTokens = new Map<string, LoginToken>();
}

export interface LoginToken {
  readonly dcId: number;
  readonly permAuthKeyId: bigint;
  readonly expires: number;
  acceptedBy: bigint | undefined;
}

/** Digits only, as Telegram stores phone numbers. */
export function normalizePhone(phone: string): string {
  return phone.replace(/\D/g, "");
}

/**
 * Test numbers (https://core.telegram.org/api/auth#test-accounts): 99966XYYYY lives on DC X and its
 * login code is X five times. Undefined for other numbers.
 */
export function testNumberDc(phone: string): number | undefined {
  const match = /^99966(\d)\d{4}$/.exec(phone);
  return match === null ? undefined : Number(match[1]);
}
