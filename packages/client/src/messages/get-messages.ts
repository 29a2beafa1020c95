import type { PeerRef } from "../peers/parse-peer-ref.js";
import { withSignal, type ClientContext } from "./context.js";
import { channelOf } from "./input-peer-kind.js";
import { messagesFromTl, type Message } from "./message.js";
import { messageListOf } from "./message-list.js";

export interface GetMessagesOptions {
  readonly signal?: AbortSignal;
}

/**
 * Messages by id, in the order asked, null where the id names no message. Channel ids are per
 * channel (channels.getMessages); other ids are per account (messages.getMessages).
 */
export async function getMessages(
  ctx: ClientContext,
  peer: PeerRef,
  ids: readonly number[],
  options: GetMessagesOptions = {},
): Promise<(Message | null)[]> {
  if (ids.length === 0) return [];
  const inputPeer = await ctx.peers.resolvePeer(peer, options.signal);
  const channel = channelOf(inputPeer);
  const id = ids.map((value) => ({ _: "inputMessageID" as const, id: value }));
  const answer =
    channel === null
      ? await ctx.invoke({ _: "messages.getMessages", id }, withSignal(options.signal))
      : await ctx.invoke({ _: "channels.getMessages", channel, id }, withSignal(options.signal));
  const list = messageListOf(answer);
  const byId = new Map(
    messagesFromTl(list.messages, list.chats, await ctx.selfId()).map((message) => [message.id, message]),
  );
  return ids.map((value) => byId.get(value) ?? null);
}
