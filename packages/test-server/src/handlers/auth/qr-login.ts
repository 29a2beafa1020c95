import { RpcError } from "../../api/rpc-error.js";
import { sendToKey } from "../../push/online-sessions.js";
import { seconds } from "../../world/world-clock.js";
import { requireAccount, type HandlerDeps } from "../handler-deps.js";
import { authorize } from "./authorize.js";
import { sameBytes } from "./transfer-login.js";

/** Seconds a login token lives (https://core.telegram.org/api/qr-login). */
const TOKEN_LIFETIME = 30;

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");

/**
 * QR-code login (https://core.telegram.org/api/qr-login): a logged-out session exports a token and
 * shows it as tg://login?token=...; a logged-in one accepts it; the first gets updateLoginToken and
 * exports again, which logs it in (auth.loginTokenSuccess) or sends it to the account's DC
 * (auth.loginTokenMigrateTo, then auth.importLoginToken there).
 */
export function registerQrLogin(deps: HandlerDeps): void {
  const { server, login, crypto, world } = deps;

  server.handle("auth.exportLoginToken", (_request, ctx) => {
    if (ctx.permAuthKeyId === undefined) throw new RpcError(401, "AUTH_KEY_PERM_EMPTY");
    const now = seconds(world.env);
    for (const [key, token] of login.loginTokens) {
      if (token.dcId !== ctx.dcId || token.permAuthKeyId !== ctx.permAuthKeyId) continue;
      if (token.expires < now) {
        login.loginTokens.delete(key);
        continue;
      }
      if (token.acceptedBy === undefined) continue;
      const account = world.accounts.get(token.acceptedBy);
      if (account === undefined) continue;
      if (account.homeDc !== ctx.dcId)
        return { _: "auth.loginTokenMigrateTo" as const, dcId: account.homeDc, token: Buffer.from(key, "hex") };
      login.loginTokens.delete(key);
      return { _: "auth.loginTokenSuccess" as const, authorization: authorize(deps, ctx, account) };
    }
    const bytes = crypto.randomFill(new Uint8Array(32));
    login.loginTokens.set(hex(bytes), {
      dcId: ctx.dcId,
      permAuthKeyId: ctx.permAuthKeyId,
      expires: now + TOKEN_LIFETIME,
      acceptedBy: undefined,
    });
    return { _: "auth.loginToken" as const, expires: now + TOKEN_LIFETIME, token: bytes };
  });

  server.handle("auth.acceptLoginToken", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const token = login.loginTokens.get(hex(request.token));
    const now = seconds(world.env);
    if (token === undefined || token.expires < now || token.acceptedBy !== undefined)
      throw new RpcError(400, "AUTH_TOKEN_EXPIRED");
    token.acceptedBy = self.id;
    sendToKey(server, token.dcId, token.permAuthKeyId, {
      _: "updateShort",
      update: { _: "updateLoginToken" },
      date: now,
    });
    return {
      _: "authorization" as const,
      hash: 0n,
      deviceModel: "mtkit test server",
      platform: "",
      systemVersion: "",
      apiId: 0,
      appName: "",
      appVersion: "",
      dateCreated: now,
      dateActive: now,
      ip: "127.0.0.1",
      country: "ZZ",
      region: "",
    };
  });

  server.handle("auth.importLoginToken", (request, ctx) => {
    const key = hex(request.token);
    const token = login.loginTokens.get(key);
    if (token === undefined || token.expires < seconds(world.env)) throw new RpcError(400, "AUTH_TOKEN_EXPIRED");
    if (token.acceptedBy === undefined)
      return { _: "auth.loginToken" as const, expires: token.expires, token: request.token };
    const account = world.accounts.get(token.acceptedBy);
    if (account?.homeDc !== ctx.dcId || !sameBytes(Buffer.from(key, "hex"), request.token))
      throw new RpcError(400, "AUTH_TOKEN_INVALID");
    login.loginTokens.delete(key);
    return { _: "auth.loginTokenSuccess" as const, authorization: authorize(deps, ctx, account) };
  });
}
