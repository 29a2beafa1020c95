import { computeSrpCheck } from "@mtkit/mtproto-crypto";
import type { RawUser } from "@mtkit/tl-core/api";
import type { LoginClient } from "./login-client.js";
import { completeAuthorization } from "./authorization.js";

/** The account has no usable 2FA password on the server side, or an algorithm we do not know. */
export class PasswordLoginError extends Error {
  constructor(
    readonly code: "NO_PASSWORD" | "UNKNOWN_ALGORITHM",
    message: string,
  ) {
    super(message);
  }
}

/**
 * 2FA login: account.getPassword, then auth.checkPassword with an SRP proof, so the password never
 * leaves this process (https://core.telegram.org/api/srp).
 */
export async function checkPassword(client: LoginClient, password: string): Promise<RawUser> {
  const state = await client.invoke({ _: "account.getPassword" });
  const algo = state.currentAlgo;
  if (state.hasPassword !== true || algo === undefined || state.srpB === undefined || state.srpId === undefined) {
    throw new PasswordLoginError("NO_PASSWORD", "the account has no 2FA password");
  }
  if (algo._ !== "passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow") {
    throw new PasswordLoginError("UNKNOWN_ALGORITHM", `unknown password algorithm ${algo._}: update the client`);
  }
  const check = computeSrpCheck(client.crypto, { algo, srpB: state.srpB, password });
  const authorization = await client.invoke({
    _: "auth.checkPassword",
    password: { _: "inputCheckPasswordSRP", srpId: state.srpId, a: check.A, m1: check.M1 },
  });
  return completeAuthorization(client, authorization, "");
}
