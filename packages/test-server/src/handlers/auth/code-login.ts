import { RpcError } from "../../api/rpc-error.js";
import { Authorizations } from "../../push/authorizations.js";
import type { HandlerDeps } from "../handler-deps.js";
import { randomLong, requireAccount } from "../handler-deps.js";
import { authorize, requireHomeDc } from "./authorize.js";
import { normalizePhone, testNumberDc } from "./login-state.js";

function checkCode(deps: HandlerDeps, phone: string, hash: string, code: string | undefined): void {
  const sent = deps.login.codes.get(phone);
  if (sent?.hash !== hash) throw new RpcError(400, "PHONE_CODE_EXPIRED");
  if (code !== undefined && code !== sent.code) throw new RpcError(400, "PHONE_CODE_INVALID");
  if (code !== undefined) sent.verified = true;
  if (!sent.verified) throw new RpcError(400, "PHONE_CODE_EMPTY");
}

/** Where a number's account lives (or will): its own DC, DC X for a test number, else the default. */
function homeDcOf(deps: HandlerDeps, phone: string): number {
  const existing = deps.world.accounts.byPhone(phone)?.homeDc;
  if (existing !== undefined) return existing;
  const testDc = testNumberDc(phone);
  return testDc !== undefined && deps.server.dcs.some((dc) => dc.id === testDc) ? testDc : deps.defaultHomeDc;
}

/** auth.sendCode, signIn, signUp, logOut (https://core.telegram.org/api/auth). */
export function registerCodeLogin(deps: HandlerDeps): void {
  const { server, login, crypto, world } = deps;

  server.handle("auth.sendCode", (request, ctx) => {
    const phone = normalizePhone(request.phoneNumber);
    if (phone.length < 5) throw new RpcError(400, "PHONE_NUMBER_INVALID");
    requireHomeDc(ctx, homeDcOf(deps, phone), "PHONE");
    const testDc = testNumberDc(phone);
    const code = testDc === undefined ? String(10000 + Number(randomLong(crypto) % 90000n)) : String(testDc).repeat(5);
    const hash = randomLong(crypto).toString(16);
    login.codes.set(phone, { hash, code, verified: false });
    login.onCode?.(phone, code);
    return {
      _: "auth.sentCode" as const,
      type: { _: "auth.sentCodeTypeApp" as const, length: 5 },
      phoneCodeHash: hash,
    };
  });

  server.handle("auth.signIn", (request, ctx) => {
    const phone = normalizePhone(request.phoneNumber);
    requireHomeDc(ctx, homeDcOf(deps, phone), "PHONE");
    checkCode(deps, phone, request.phoneCodeHash, request.phoneCode ?? "");
    let account = world.accounts.byPhone(phone);
    if (account === undefined && testNumberDc(phone) !== undefined) {
      // Libraries that never call auth.signUp still get an account for a test number.
      account = world.accounts.create({
        phone,
        firstName: `Test ${phone.slice(-4)}`,
        lastName: undefined,
        username: undefined,
        bot: false,
        homeDc: ctx.dcId,
        password: undefined,
        botToken: undefined,
      });
    }
    if (account === undefined) return { _: "auth.authorizationSignUpRequired" as const };
    login.codes.delete(phone);
    if (account.password !== undefined) {
      login.awaitingPassword.set(Authorizations.slotOf(ctx), account.id);
      throw new RpcError(401, "SESSION_PASSWORD_NEEDED");
    }
    return authorize(deps, ctx, account);
  });

  server.handle("auth.signUp", (request, ctx) => {
    const phone = normalizePhone(request.phoneNumber);
    requireHomeDc(ctx, homeDcOf(deps, phone), "PHONE");
    if (world.accounts.byPhone(phone) !== undefined) throw new RpcError(400, "PHONE_NUMBER_OCCUPIED");
    checkCode(deps, phone, request.phoneCodeHash, undefined);
    if (request.firstName.trim() === "") throw new RpcError(400, "FIRSTNAME_INVALID");
    login.codes.delete(phone);
    const lastName = request.lastName === "" ? undefined : request.lastName;
    const account = world.accounts.create({
      phone,
      firstName: request.firstName,
      lastName,
      username: undefined,
      bot: false,
      homeDc: ctx.dcId,
      password: undefined,
      botToken: undefined,
    });
    return authorize(deps, ctx, account);
  });

  server.handle("auth.logOut", (_request, ctx) => {
    requireAccount(deps, ctx);
    deps.authorizations.delete(ctx);
    return { _: "auth.loggedOut" as const };
  });
}
