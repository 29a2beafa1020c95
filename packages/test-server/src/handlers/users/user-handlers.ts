import type { TypeUser } from "@mtkit/tl-core/api";
import { RpcError } from "../../api/rpc-error.js";
import { requireAccount, type HandlerDeps } from "../handler-deps.js";
import { resolveUser } from "../input-peers.js";

/** users.getUsers, users.getFullUser. */
export function registerUserHandlers(deps: HandlerDeps): void {
  const { server, wire } = deps;
  server.handle("users.getUsers", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    return request.id.map((input): TypeUser => {
      try {
        return wire.user(resolveUser(deps, self, input).id, self.id);
      } catch (error) {
        if (!(error instanceof RpcError)) throw error;
        return { _: "userEmpty", id: input._ === "inputUser" ? input.userId : 0n };
      }
    });
  });

  server.handle("users.getFullUser", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const user = resolveUser(deps, self, request.id);
    const ttlPeriod = deps.world.dialogs.get(self.id, { kind: "user", id: user.id })?.ttlPeriod;
    return {
      _: "users.userFull" as const,
      fullUser: {
        _: "userFull" as const,
        id: user.id,
        settings: { _: "peerSettings" as const },
        notifySettings: { _: "peerNotifySettings" as const },
        commonChatsCount: 0,
        ...(ttlPeriod === undefined ? {} : { ttlPeriod }),
        ...(user.bot ? { botInfo: { _: "botInfo" as const, userId: user.id, description: "", commands: [] } } : {}),
      },
      chats: [],
      users: [wire.user(user.id, self.id)],
    };
  });
}
