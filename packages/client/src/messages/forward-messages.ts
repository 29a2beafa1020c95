import type { PeerRef } from "../peers/parse-peer-ref.js";
import { withSignal, type ClientContext } from "./context.js";
import type { Message } from "./message.js";
import { sentMessagesFromUpdates } from "./sent-messages.js";

export interface ForwardMessagesOptions {
  readonly silent?: boolean;
  /** Send as copies, without the "forwarded from" header. */
  readonly dropAuthor?: boolean;
  readonly signal?: AbortSignal;
}

/** At most this many ids per messages.forwardMessages call (https://core.telegram.org/method/messages.forwardMessages). */
export const MAX_FORWARD_IDS = 100;

/** messages.forwardMessages: copies `ids` of `fromPeer` into `toPeer`; one random_id each, so a resend makes no duplicates. */
export async function forwardMessages(
  ctx: ClientContext,
  toPeer: PeerRef,
  fromPeer: PeerRef,
  ids: readonly number[],
  options: ForwardMessagesOptions = {},
): Promise<Message[]> {
  if (ids.length > MAX_FORWARD_IDS)
    throw new RangeError(
      `forwardMessages takes at most ${String(MAX_FORWARD_IDS)} ids at once, got ${String(ids.length)}`,
    );
  if (ids.length === 0) return [];
  const [to, from] = await Promise.all([
    ctx.peers.resolvePeer(toPeer, options.signal),
    ctx.peers.resolvePeer(fromPeer, options.signal),
  ]);
  const randomIds = ids.map(() => ctx.randomId());
  const answer = await ctx.invoke(
    {
      _: "messages.forwardMessages",
      toPeer: to,
      fromPeer: from,
      id: [...ids],
      randomId: randomIds,
      silent: options.silent === true,
      dropAuthor: options.dropAuthor === true,
    },
    withSignal(options.signal),
  );
  return sentMessagesFromUpdates(answer, randomIds, "messages.forwardMessages", await ctx.selfId());
}
