import { RpcError } from "../../api/rpc-error.js";
import { randomLong, requireAccount, type HandlerDeps } from "../handler-deps.js";
import { authorize, requireHomeDc } from "./authorize.js";

/** Bot tokens and moving an authorization to another DC (https://core.telegram.org/api/datacenter). */
export function registerTransferLogin(deps: HandlerDeps): void {
  const { server, login, crypto, world } = deps;

  server.handle("auth.importBotAuthorization", (request, ctx) => {
    const bot = world.accounts.byToken(request.botAuthToken);
    if (bot === undefined) throw new RpcError(400, "ACCESS_TOKEN_INVALID");
    requireHomeDc(ctx, bot.homeDc, "USER");
    return authorize(deps, ctx, bot);
  });

  server.handle("auth.exportAuthorization", (request, ctx) => {
    const account = requireAccount(deps, ctx);
    if (request.dcId === ctx.dcId || !server.dcs.some((dc) => dc.id === request.dcId))
      throw new RpcError(400, "DC_ID_INVALID");
    const id = randomLong(crypto);
    const bytes = crypto.randomFill(new Uint8Array(32));
    login.exports.set(id, { userId: account.id, dcId: request.dcId, bytes });
    return { _: "auth.exportedAuthorization" as const, id, bytes };
  });

  server.handle("auth.importAuthorization", (request, ctx) => {
    const exported = login.exports.get(request.id);
    if (exported?.dcId !== ctx.dcId || !sameBytes(exported.bytes, request.bytes))
      throw new RpcError(400, "AUTH_BYTES_INVALID");
    login.exports.delete(request.id);
    const account = world.accounts.get(exported.userId);
    if (account === undefined) throw new RpcError(400, "AUTH_BYTES_INVALID");
    return authorize(deps, ctx, account);
  });
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
