import type { TypeInputChannel, TypeInputPeer, TypeInputUser } from "@mtkit/tl-core/api";
import { RpcError } from "../api/rpc-error.js";
import type { Account, Channel, PeerRef } from "../world/types.js";
import type { HandlerDeps } from "./handler-deps.js";

/** An input user as `self` names it; access hashes are checked (one per user here, per viewer on Telegram). */
export function resolveUser(deps: HandlerDeps, self: Account, input: TypeInputUser): Account {
  if (input._ === "inputUserSelf") return self;
  if (input._ === "inputUser") {
    const user = deps.world.accounts.get(input.userId);
    if (user?.accessHash === input.accessHash) return user;
  }
  throw new RpcError(400, "USER_ID_INVALID");
}

export function resolveChannel(deps: HandlerDeps, input: TypeInputChannel): Channel {
  if (input._ === "inputChannel") {
    const channel = deps.wire.lookup.channel(input.channelId);
    if (channel?.accessHash === input.accessHash) return channel;
  }
  throw new RpcError(400, "CHANNEL_INVALID");
}

/** An input peer as a world peer (https://core.telegram.org/type/InputPeer). */
export function resolvePeer(deps: HandlerDeps, self: Account, input: TypeInputPeer): PeerRef {
  switch (input._) {
    case "inputPeerSelf":
      return { kind: "user", id: self.id };
    case "inputPeerUser":
      return {
        kind: "user",
        id: resolveUser(deps, self, { _: "inputUser", userId: input.userId, accessHash: input.accessHash }).id,
      };
    case "inputPeerChat":
      if (deps.wire.lookup.basicGroup(input.chatId) === undefined) throw new RpcError(400, "CHAT_ID_INVALID");
      return { kind: "chat", id: input.chatId };
    case "inputPeerChannel":
      return {
        kind: "channel",
        id: resolveChannel(deps, { _: "inputChannel", channelId: input.channelId, accessHash: input.accessHash }).id,
      };
    default:
      throw new RpcError(400, "PEER_ID_INVALID");
  }
}
