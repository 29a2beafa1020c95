import type { PeerRef } from "../peers/parse-peer-ref.js";
import { withSignal, type ClientContext } from "./context.js";
import { channelOf } from "./input-peer-kind.js";

export interface DeleteMessagesOptions {
  /** Delete for everyone, not only for this account (private chats and basic groups). Default true. */
  readonly revoke?: boolean;
  readonly signal?: AbortSignal;
}

/**
 * Deletes messages by id: channels.deleteMessages in channels and supergroups (always for
 * everyone), messages.deleteMessages elsewhere (https://core.telegram.org/method/messages.deleteMessages).
 * Returns how many the server counted as deleted (pts_count).
 */
export async function deleteMessages(
  ctx: ClientContext,
  peer: PeerRef,
  ids: readonly number[],
  options: DeleteMessagesOptions = {},
): Promise<number> {
  if (ids.length === 0) return 0;
  const inputPeer = await ctx.peers.resolvePeer(peer, options.signal);
  const channel = channelOf(inputPeer);
  const invokeOptions = withSignal(options.signal);
  const affected =
    channel === null
      ? await ctx.invoke({ _: "messages.deleteMessages", revoke: options.revoke ?? true, id: [...ids] }, invokeOptions)
      : await ctx.invoke({ _: "channels.deleteMessages", channel, id: [...ids] }, invokeOptions);
  return affected.ptsCount;
}
