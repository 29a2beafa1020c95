import { createSrpServerSession, verifySrpCheck } from "@mtkit/mtproto-crypto";
import type { auth_RawAuthorization } from "@mtkit/tl-core/api";
import type { RpcContext } from "../api/rpc-context.js";
import { RpcError } from "../api/rpc-error.js";
import type { TestServer } from "../server/test-server.js";
import { normalizePhone, userObject, type SliceUser } from "./account-state.js";
import { randomLong, requireUser, slotOf, type SliceDeps } from "./slice-context.js";

function authorize(deps: SliceDeps, ctx: RpcContext, user: SliceUser): auth_RawAuthorization {
  const slot = slotOf(ctx);
  deps.state.authorizations.set(slot, user.id);
  deps.state.awaitingPassword.delete(slot);
  return { _: "auth.authorization", user: userObject(user, user.id) };
}

/** Accounts live on one DC; logging in elsewhere is answered with 303 (https://core.telegram.org/api/datacenter). */
function requireHomeDc(ctx: RpcContext, homeDc: number, kind: "PHONE" | "USER"): void {
  if (ctx.dcId !== homeDc) throw new RpcError(303, `${kind}_MIGRATE_${homeDc}`);
}

function checkCode(deps: SliceDeps, phone: string, hash: string, code: string | undefined): void {
  const sent = deps.state.codes.get(phone);
  if (sent?.hash !== hash) throw new RpcError(400, "PHONE_CODE_EXPIRED");
  if (code !== undefined && code !== sent.code) throw new RpcError(400, "PHONE_CODE_INVALID");
  if (code !== undefined) sent.verified = true;
  if (!sent.verified) throw new RpcError(400, "PHONE_CODE_EMPTY");
}

/** auth.sendCode, signIn, signUp, checkPassword, importBotAuthorization, logOut (https://core.telegram.org/api/auth). */
export function registerLoginHandlers(server: TestServer, deps: SliceDeps): void {
  const { state, crypto } = deps;

  server.handle("auth.sendCode", (request, ctx) => {
    const phone = normalizePhone(request.phoneNumber);
    if (phone.length < 5) throw new RpcError(400, "PHONE_NUMBER_INVALID");
    requireHomeDc(ctx, state.byPhone(phone)?.homeDc ?? deps.defaultHomeDc, "PHONE");
    const code = String(10000 + Number(randomLong(crypto) % 90000n));
    const hash = randomLong(crypto).toString(16);
    state.codes.set(phone, { hash, code, verified: false });
    return { _: "auth.sentCode" as const, type: { _: "auth.sentCodeTypeApp" as const, length: 5 }, phoneCodeHash: hash };
  });

  server.handle("auth.signIn", (request, ctx) => {
    const phone = normalizePhone(request.phoneNumber);
    const user = state.byPhone(phone);
    requireHomeDc(ctx, user?.homeDc ?? deps.defaultHomeDc, "PHONE");
    checkCode(deps, phone, request.phoneCodeHash, request.phoneCode ?? "");
    if (user === undefined) return { _: "auth.authorizationSignUpRequired" as const };
    state.codes.delete(phone);
    if (user.password !== undefined) {
      state.awaitingPassword.set(slotOf(ctx), user.id);
      throw new RpcError(401, "SESSION_PASSWORD_NEEDED");
    }
    return authorize(deps, ctx, user);
  });

  server.handle("auth.signUp", (request, ctx) => {
    const phone = normalizePhone(request.phoneNumber);
    requireHomeDc(ctx, deps.defaultHomeDc, "PHONE");
    if (state.byPhone(phone) !== undefined) throw new RpcError(400, "PHONE_NUMBER_OCCUPIED");
    checkCode(deps, phone, request.phoneCodeHash, undefined);
    if (request.firstName.trim() === "") throw new RpcError(400, "FIRSTNAME_INVALID");
    state.codes.delete(phone);
    const user: SliceUser = {
      id: state.nextUserId++,
      accessHash: randomLong(crypto),
      phone,
      firstName: request.firstName,
      lastName: request.lastName === "" ? undefined : request.lastName,
      username: undefined,
      bot: false,
      homeDc: deps.defaultHomeDc,
      password: undefined,
      botToken: undefined,
    };
    state.users.set(user.id, user);
    return authorize(deps, ctx, user);
  });

  server.handle("account.getPassword", (_request, ctx) => {
    const slot = slotOf(ctx);
    const userId = state.awaitingPassword.get(slot) ?? state.authorizations.get(slot);
    const password = userId === undefined ? undefined : state.users.get(userId)?.password;
    const base = {
      _: "account.password" as const,
      newAlgo: { _: "passwordKdfAlgoUnknown" as const },
      newSecureAlgo: { _: "securePasswordKdfAlgoUnknown" as const },
      secureRandom: crypto.randomFill(new Uint8Array(32)),
    };
    if (userId === undefined || password === undefined) return base;
    const session = createSrpServerSession(crypto, password.algo, password.verifier);
    const srpId = randomLong(crypto);
    state.srpSessions.set(srpId, { userId, session });
    return {
      ...base,
      hasPassword: true,
      currentAlgo: { _: "passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow" as const, ...password.algo },
      srpB: session.srpB,
      srpId,
      ...(password.hint === undefined ? {} : { hint: password.hint }),
    };
  });

  server.handle("auth.checkPassword", (request, ctx) => {
    const check = request.password;
    if (check._ !== "inputCheckPasswordSRP") throw new RpcError(400, "PASSWORD_HASH_INVALID");
    const pending = state.srpSessions.get(check.srpId);
    if (pending === undefined) throw new RpcError(400, "SRP_ID_INVALID");
    // One proof per srp_id: a new account.getPassword is needed after a wrong guess.
    state.srpSessions.delete(check.srpId);
    const user = state.users.get(pending.userId);
    if (user?.password === undefined) throw new RpcError(400, "SRP_ID_INVALID");
    let valid: boolean;
    try {
      valid = verifySrpCheck(crypto, user.password.algo, user.password.verifier, pending.session, { A: check.a, M1: check.m1 });
    } catch {
      valid = false;
    }
    if (!valid) throw new RpcError(400, "PASSWORD_HASH_INVALID");
    return authorize(deps, ctx, user);
  });

  server.handle("auth.importBotAuthorization", (request, ctx) => {
    const bot = state.byToken(request.botAuthToken);
    if (bot === undefined) throw new RpcError(400, "ACCESS_TOKEN_INVALID");
    requireHomeDc(ctx, bot.homeDc, "USER");
    return authorize(deps, ctx, bot);
  });

  server.handle("auth.logOut", (_request, ctx) => {
    requireUser(deps, ctx);
    state.authorizations.delete(slotOf(ctx));
    return { _: "auth.loggedOut" as const };
  });

  server.handle("auth.exportAuthorization", (request, ctx) => {
    const user = requireUser(deps, ctx);
    if (request.dcId === ctx.dcId || !server.dcs.some((dc) => dc.id === request.dcId)) throw new RpcError(400, "DC_ID_INVALID");
    const id = randomLong(crypto);
    const bytes = crypto.randomFill(new Uint8Array(32));
    state.exports.set(id, { userId: user.id, dcId: request.dcId, bytes });
    return { _: "auth.exportedAuthorization" as const, id, bytes };
  });

  server.handle("auth.importAuthorization", (request, ctx) => {
    const exported = state.exports.get(request.id);
    if (exported?.dcId !== ctx.dcId || !sameBytes(exported.bytes, request.bytes)) throw new RpcError(400, "AUTH_BYTES_INVALID");
    state.exports.delete(request.id);
    const user = state.users.get(exported.userId);
    if (user === undefined) throw new RpcError(400, "AUTH_BYTES_INVALID");
    return authorize(deps, ctx, user);
  });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
