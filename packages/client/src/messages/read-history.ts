import type { PeerRef } from "../peers/parse-peer-ref.js";
import { withSignal, type ClientContext } from "./context.js";
import { channelOf } from "./input-peer-kind.js";

export interface ReadHistoryOptions {
  /** Mark messages up to this id as read. Default 0: everything. */
  readonly maxId?: number;
  readonly signal?: AbortSignal;
}

/** Marks a chat read: channels.readHistory in channels and supergroups, messages.readHistory elsewhere (https://core.telegram.org/api/updates#read). */
export async function readHistory(ctx: ClientContext, peer: PeerRef, options: ReadHistoryOptions = {}): Promise<void> {
  const inputPeer = await ctx.peers.resolvePeer(peer, options.signal);
  const channel = channelOf(inputPeer);
  const maxId = options.maxId ?? 0;
  if (channel === null)
    await ctx.invoke({ _: "messages.readHistory", peer: inputPeer, maxId }, withSignal(options.signal));
  else await ctx.invoke({ _: "channels.readHistory", channel, maxId }, withSignal(options.signal));
}
