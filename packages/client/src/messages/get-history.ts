import type { PeerRef } from "../peers/parse-peer-ref.js";
import { withSignal, type ClientContext } from "./context.js";
import { messagesFromTl, type Message } from "./message.js";
import { messageListOf } from "./message-list.js";
import { paginate, type PaceOptions } from "./paginate.js";

/** Where a history page starts (https://core.telegram.org/api/offsets): newest first, before `offsetId`. */
export interface HistoryCursor {
  readonly offsetId: number;
  readonly offsetDate?: number;
  readonly addOffset?: number;
}

export interface GetHistoryOptions extends Partial<HistoryCursor> {
  /** Page size, at most 100 (the server's cap). Default 100. */
  readonly limit?: number;
  /** Only messages with ids above `minId` / below `maxId`. */
  readonly minId?: number;
  readonly maxId?: number;
  readonly signal?: AbortSignal;
}

export interface HistoryPage {
  readonly messages: readonly Message[];
  /** Pass as the options of the next `getHistory` call; null after the oldest message. */
  readonly next: HistoryCursor | null;
  /** The server's count of messages in the chat, when it gave one. */
  readonly total: number | null;
}

export const MAX_HISTORY_PAGE = 100;

/** One page of messages.getHistory (https://core.telegram.org/method/messages.getHistory), newest first. */
export async function getHistory(
  ctx: ClientContext,
  peer: PeerRef,
  options: GetHistoryOptions = {},
): Promise<HistoryPage> {
  const inputPeer = await ctx.peers.resolvePeer(peer, options.signal);
  const limit = Math.min(options.limit ?? MAX_HISTORY_PAGE, MAX_HISTORY_PAGE);
  const answer = await ctx.invoke(
    {
      _: "messages.getHistory",
      peer: inputPeer,
      offsetId: options.offsetId ?? 0,
      offsetDate: options.offsetDate ?? 0,
      addOffset: options.addOffset ?? 0,
      limit,
      maxId: options.maxId ?? 0,
      minId: options.minId ?? 0,
      hash: 0n,
    },
    withSignal(options.signal),
  );
  const list = messageListOf(answer);
  const messages = messagesFromTl(list.messages, list.chats, await ctx.selfId());
  const oldest = list.messages.at(-1);
  // A complete list (messages.messages) or a short page is the end; else continue before the oldest.
  const more = list.count !== null && list.messages.length >= limit && oldest !== undefined;
  return { messages, next: more ? { offsetId: oldest.id } : null, total: list.count ?? messages.length };
}

export interface IterHistoryOptions extends PaceOptions {
  /** Messages per request, at most 100. Default 100. */
  readonly chunkSize?: number;
  readonly offsetId?: number;
  readonly offsetDate?: number;
  readonly minId?: number;
  readonly maxId?: number;
}

/** Every message of a chat, newest first, page by page (see `PaceOptions` for pacing and flood waits). */
export function iterHistory(
  ctx: ClientContext,
  peer: PeerRef,
  options: IterHistoryOptions = {},
): AsyncGenerator<Message, void, undefined> {
  const first: HistoryCursor = { offsetId: options.offsetId ?? 0, offsetDate: options.offsetDate ?? 0 };
  const fetchPage = async (cursor: HistoryCursor | null) => {
    const page = await getHistory(ctx, peer, {
      ...(cursor ?? first),
      limit: options.chunkSize ?? MAX_HISTORY_PAGE,
      ...(options.minId === undefined ? {} : { minId: options.minId }),
      ...(options.maxId === undefined ? {} : { maxId: options.maxId }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    return { items: page.messages, next: page.next };
  };
  return paginate(first, fetchPage, ctx.sleep, options);
}
