import type { TypeInputUser, TypeUser } from "@mtkit/tl-core/api";
import { RpcError } from "../api/rpc-error.js";
import type { TestServer } from "../server/test-server.js";
import { userObject, type SliceUser } from "./account-state.js";
import { requireUser, type SliceDeps } from "./slice-context.js";

function lookup(deps: SliceDeps, self: SliceUser, input: TypeInputUser): SliceUser | undefined {
  if (input._ === "inputUserSelf") return self;
  if (input._ !== "inputUser") return undefined;
  const user = deps.state.users.get(input.userId);
  // Access hashes are per viewer in Telegram; here one per user is enough to catch a wrong one.
  return user?.accessHash === input.accessHash ? user : undefined;
}

/** users.getUsers, users.getFullUser, contacts.resolveUsername. */
export function registerUserHandlers(server: TestServer, deps: SliceDeps): void {
  server.handle("users.getUsers", (request, ctx) => {
    const self = requireUser(deps, ctx);
    return request.id.map((input): TypeUser => {
      const user = lookup(deps, self, input);
      return user === undefined ? { _: "userEmpty", id: input._ === "inputUser" ? input.userId : 0n } : userObject(user, self.id);
    });
  });

  server.handle("users.getFullUser", (request, ctx) => {
    const self = requireUser(deps, ctx);
    const user = lookup(deps, self, request.id);
    if (user === undefined) throw new RpcError(400, "USER_ID_INVALID");
    return {
      _: "users.userFull" as const,
      fullUser: {
        _: "userFull" as const,
        id: user.id,
        settings: { _: "peerSettings" as const },
        notifySettings: { _: "peerNotifySettings" as const },
        commonChatsCount: 0,
      },
      chats: [],
      users: [userObject(user, self.id)],
    };
  });

  server.handle("contacts.resolveUsername", (request, ctx) => {
    const self = requireUser(deps, ctx);
    const user = deps.state.byUsername(request.username);
    if (user === undefined) throw new RpcError(400, "USERNAME_NOT_OCCUPIED");
    return { _: "contacts.resolvedPeer" as const, peer: { _: "peerUser" as const, userId: user.id }, chats: [], users: [userObject(user, self.id)] };
  });
}
