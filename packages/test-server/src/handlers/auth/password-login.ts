import { createSrpServerSession, verifySrpCheck } from "@mtkit/mtproto-crypto";
import { RpcError } from "../../api/rpc-error.js";
import { Authorizations } from "../../push/authorizations.js";
import { randomLong, type HandlerDeps } from "../handler-deps.js";
import { authorize } from "./authorize.js";

/** account.getPassword and auth.checkPassword with SRP (https://core.telegram.org/api/srp). */
export function registerPasswordLogin(deps: HandlerDeps): void {
  const { server, login, crypto, world } = deps;

  server.handle("account.getPassword", (_request, ctx) => {
    const slot = Authorizations.slotOf(ctx);
    const userId = login.awaitingPassword.get(slot) ?? deps.authorizations.accountOf(ctx.dcId, ctx.permAuthKeyId!);
    const password = userId === undefined ? undefined : world.accounts.get(userId)?.password;
    const base = {
      _: "account.password" as const,
      newAlgo: { _: "passwordKdfAlgoUnknown" as const },
      newSecureAlgo: { _: "securePasswordKdfAlgoUnknown" as const },
      secureRandom: crypto.randomFill(new Uint8Array(32)),
    };
    if (userId === undefined || password === undefined) return base;
    const session = createSrpServerSession(crypto, password.algo, password.verifier);
    const srpId = randomLong(crypto);
    login.srpSessions.set(srpId, { userId, session });
    return {
      ...base,
      hasPassword: true,
      currentAlgo: {
        _: "passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow" as const,
        ...password.algo,
      },
      srpB: session.srpB,
      srpId,
      ...(password.hint === undefined ? {} : { hint: password.hint }),
    };
  });

  server.handle("auth.checkPassword", (request, ctx) => {
    const check = request.password;
    if (check._ !== "inputCheckPasswordSRP") throw new RpcError(400, "PASSWORD_HASH_INVALID");
    const pending = login.srpSessions.get(check.srpId);
    if (pending === undefined) throw new RpcError(400, "SRP_ID_INVALID");
    // One proof per srp_id: a new account.getPassword is needed after a wrong guess.
    login.srpSessions.delete(check.srpId);
    const account = world.accounts.get(pending.userId);
    if (account?.password === undefined) throw new RpcError(400, "SRP_ID_INVALID");
    let valid: boolean;
    try {
      valid = verifySrpCheck(crypto, account.password.algo, account.password.verifier, pending.session, {
        A: check.a,
        M1: check.m1,
      });
    } catch {
      valid = false;
    }
    if (!valid) throw new RpcError(400, "PASSWORD_HASH_INVALID");
    return authorize(deps, ctx, account);
  });
}
