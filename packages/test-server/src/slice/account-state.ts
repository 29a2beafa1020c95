import type { RawUser } from "@mtkit/tl-core/api";
import type { SrpAlgorithm, SrpServerSession } from "@mtkit/mtproto-crypto";

/** A 2FA password as the server keeps it: the SRP verifier v = g^x, never the password. */
export interface StoredPassword {
  readonly algo: SrpAlgorithm;
  readonly verifier: Uint8Array;
  readonly hint: string | undefined;
}

/** One account of the slice. */
export interface SliceUser {
  readonly id: bigint;
  readonly accessHash: bigint;
  readonly phone: string;
  readonly firstName: string;
  readonly lastName: string | undefined;
  readonly username: string | undefined;
  readonly bot: boolean;
  /** The DC the account lives on: login elsewhere gets PHONE_MIGRATE_X / USER_MIGRATE_X. */
  readonly homeDc: number;
  readonly password: StoredPassword | undefined;
  readonly botToken: string | undefined;
}

/** Everything the slice remembers; authorizations are per DC and per permanent auth key. */
export class AccountState {
  readonly users = new Map<bigint, SliceUser>();
  /** `${dcId}:${permAuthKeyId}` -> user id. */
  readonly authorizations = new Map<string, bigint>();
  /** Keys that passed the code step of an account with a password, waiting for auth.checkPassword. */
  readonly awaitingPassword = new Map<string, bigint>();
  /** phone -> the code sent and its hash. */
  readonly codes = new Map<string, { readonly hash: string; readonly code: string; verified: boolean }>();
  readonly srpSessions = new Map<bigint, { readonly userId: bigint; readonly session: SrpServerSession }>();
  readonly exports = new Map<bigint, { readonly userId: bigint; readonly dcId: number; readonly bytes: Uint8Array }>();
  nextUserId = 1_000_000n;

  byPhone(phone: string): SliceUser | undefined {
    for (const user of this.users.values()) if (user.phone === phone) return user;
    return undefined;
  }

  byUsername(username: string): SliceUser | undefined {
    const wanted = username.toLowerCase();
    for (const user of this.users.values()) if (user.username?.toLowerCase() === wanted) return user;
    return undefined;
  }

  byToken(token: string): SliceUser | undefined {
    for (const user of this.users.values()) if (user.botToken === token) return user;
    return undefined;
  }
}

export function authKeyOf(dcId: number, permAuthKeyId: bigint): string {
  return `${dcId}:${permAuthKeyId}`;
}

/** The TL user as `viewer` sees it (https://core.telegram.org/constructor/user). */
export function userObject(user: SliceUser, viewerId: bigint | undefined): RawUser {
  const self = viewerId === user.id;
  return {
    _: "user",
    id: user.id,
    accessHash: user.accessHash,
    firstName: user.firstName,
    ...(user.lastName === undefined ? {} : { lastName: user.lastName }),
    ...(user.username === undefined ? {} : { username: user.username }),
    ...(self && !user.bot ? { phone: user.phone } : {}),
    ...(self ? { self: true } : {}),
    ...(user.bot ? { bot: true, botInfoVersion: 1 } : {}),
  };
}

/** Digits only, as Telegram stores phone numbers. */
export function normalizePhone(phone: string): string {
  return phone.replace(/\D/g, "");
}
