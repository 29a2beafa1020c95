import { RpcError } from "../../api/rpc-error.js";
import { isActiveMember } from "../../world/channels.js";
import { requireAccount, type HandlerDeps } from "../handler-deps.js";
import { resolveChannel } from "../input-peers.js";
import { channelDifference } from "./channel-difference.js";
import { withChannelNotices } from "./channel-notices.js";
import { accountDifference } from "./difference.js";
import { withEncryptedMessages } from "../../secret/index.js";

/** updates.getState, getDifference, getChannelDifference (https://core.telegram.org/api/updates). */
export function registerUpdateHandlers(deps: HandlerDeps): void {
  const { server, world, wire } = deps;

  server.handle("updates.getState", (_request, ctx) => {
    const self = requireAccount(deps, ctx);
    return wire.state(world.boxes.account(self.id), 0);
  });

  server.handle("updates.getDifference", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    if (request.pts <= 0) throw new RpcError(400, "PERSISTENT_TIMESTAMP_INVALID");
    deps.pusher.caughtUp(ctx);
    return withEncryptedMessages(
      deps,
      self.id,
      request.qts,
      request.date,
      withChannelNotices(deps, self.id, request.date, accountDifference(deps, self.id, request.pts, request.ptsLimit)),
    );
  });

  server.handle("updates.getChannelDifference", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const channel = resolveChannel(deps, request.channel);
    if (!isActiveMember(world.channels.member(channel.id, self.id))) throw new RpcError(400, "CHANNEL_PRIVATE");
    if (request.pts <= 0) throw new RpcError(400, "PERSISTENT_TIMESTAMP_INVALID");
    return channelDifference(deps, self.id, channel, request.pts, request.limit);
  });
}
