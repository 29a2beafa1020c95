import { computePasswordVerifier, TELEGRAM_DH_PRIME, type CryptoProvider, type SrpAlgorithm } from "@mtkit/mtproto-crypto";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import type { TestServer } from "../server/test-server.js";
import { AccountState, normalizePhone, type SliceUser } from "./account-state.js";
import { registerLoginHandlers } from "./login-handlers.js";
import { randomLong, type SliceDeps } from "./slice-context.js";
import { registerUserHandlers } from "./user-handlers.js";

export interface SliceUserSeed {
  readonly phone: string;
  readonly firstName: string;
  readonly lastName?: string;
  readonly username?: string;
  /** 2FA password (SRP, https://core.telegram.org/api/srp). */
  readonly password?: string;
  readonly passwordHint?: string;
  /** Default: the slice's `homeDc`. */
  readonly homeDc?: number;
}

export interface SliceBotSeed {
  readonly token: string;
  readonly username: string;
  readonly firstName: string;
  readonly homeDc?: number;
}

export interface AccountSliceOptions {
  /** DC of new accounts. Default: the server's last DC, so a client that starts on the first one migrates. */
  readonly homeDc?: number;
  readonly users?: readonly SliceUserSeed[];
  readonly bots?: readonly SliceBotSeed[];
  readonly crypto?: CryptoProvider;
}

/** Test-side handle on the accounts of a server. */
export interface AccountSlice {
  /** The last login code sent to `phone` (any format), or undefined. */
  lastCode(phone: string): string | undefined;
  addUser(seed: SliceUserSeed): SliceUser;
  addBot(seed: SliceBotSeed): SliceUser;
  userByPhone(phone: string): SliceUser | undefined;
  /** How many (DC, permanent key) pairs are logged in. */
  readonly authorizationCount: number;
}

/**
 * Installs the account API slice a client needs to log in and look users up: auth.sendCode (the code
 * is read back with `lastCode`), signIn, signUp, 2FA with SRP, bot tokens, export/import of
 * authorizations between DCs, logOut, users.getUsers, users.getFullUser, contacts.resolveUsername.
 * Accounts live on one DC: the others answer PHONE_MIGRATE_X / USER_MIGRATE_X.
 */
export function installAccountSlice(server: TestServer, options: AccountSliceOptions = {}): AccountSlice {
  const crypto = options.crypto ?? createNodeCrypto();
  const state = new AccountState();
  const defaultHomeDc = options.homeDc ?? server.dcs[server.dcs.length - 1]!.id;
  const deps: SliceDeps = { state, crypto, defaultHomeDc };
  registerLoginHandlers(server, deps);
  registerUserHandlers(server, deps);

  const add = (user: Omit<SliceUser, "id" | "accessHash">): SliceUser => {
    const full: SliceUser = { ...user, id: state.nextUserId++, accessHash: randomLong(crypto) };
    state.users.set(full.id, full);
    return full;
  };
  const slice: AccountSlice = {
    lastCode: (phone) => state.codes.get(normalizePhone(phone))?.code,
    addUser: (seed) =>
      add({
        phone: normalizePhone(seed.phone),
        firstName: seed.firstName,
        lastName: seed.lastName,
        username: seed.username,
        bot: false,
        homeDc: seed.homeDc ?? defaultHomeDc,
        password: seed.password === undefined ? undefined : storedPassword(crypto, seed.password, seed.passwordHint),
        botToken: undefined,
      }),
    addBot: (seed) =>
      add({
        phone: "",
        firstName: seed.firstName,
        lastName: undefined,
        username: seed.username,
        bot: true,
        homeDc: seed.homeDc ?? defaultHomeDc,
        password: undefined,
        botToken: seed.token,
      }),
    userByPhone: (phone) => state.byPhone(normalizePhone(phone)),
    get authorizationCount() {
      return state.authorizations.size;
    },
  };
  for (const seed of options.users ?? []) slice.addUser(seed);
  for (const seed of options.bots ?? []) slice.addBot(seed);
  return slice;
}

function storedPassword(crypto: CryptoProvider, password: string, hint: string | undefined): SliceUser["password"] {
  const algo: SrpAlgorithm = {
    salt1: crypto.randomFill(new Uint8Array(40)),
    salt2: crypto.randomFill(new Uint8Array(16)),
    g: 3,
    p: toBytes256(TELEGRAM_DH_PRIME),
  };
  return { algo, verifier: computePasswordVerifier(crypto, algo, password), hint };
}

function toBytes256(value: bigint): Uint8Array {
  const out = new Uint8Array(256);
  let rest = value;
  for (let i = 255; i >= 0; i--) {
    out[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return out;
}
