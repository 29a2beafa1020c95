import type { TypeChannelParticipant, TypeChannelParticipantsFilter, TypeChatParticipant } from "@mtkit/tl-core/api";
import type { PeerRef } from "../peers/parse-peer-ref.js";
import { markPeerId } from "../peers/marked-peer-id.js";
import { withSignal, type ClientContext } from "../messages/context.js";
import { channelOf } from "../messages/input-peer-kind.js";
import { paginate, type PaceOptions } from "../messages/paginate.js";

export type ChatMemberStatus = "creator" | "admin" | "member" | "restricted" | "banned" | "left";

export interface ChatMember {
  /** Marked id: a user (positive), or a chat/channel for banned or left peers. */
  readonly userId: number;
  readonly status: ChatMemberStatus;
  /** When they joined (unix seconds); 0 for the creator of a basic group. */
  readonly date: number;
  readonly raw: TypeChannelParticipant | TypeChatParticipant;
}

/** channels.getParticipants filters (https://core.telegram.org/type/ChannelParticipantsFilter). */
export type ChatMembersFilter = "recent" | "admins" | "bots" | "banned" | "kicked" | "contacts" | "search" | "mentions";

export interface GetChatMembersOptions {
  readonly filter?: ChatMembersFilter;
  /** Name or username to search for; with no filter it means "search". */
  readonly query?: string;
  readonly offset?: number;
  /** Page size, at most 200 (the server's cap per call). Default 200. */
  readonly limit?: number;
  readonly signal?: AbortSignal;
}

export interface ChatMembersPage {
  readonly members: readonly ChatMember[];
  /** The offset of the next page; null when this one was the last (or the server stopped listing). */
  readonly next: number | null;
  /** The server's count of members matching the filter. */
  readonly total: number;
}

export const MAX_MEMBERS_PAGE = 200;

function filterOf(filter: ChatMembersFilter | undefined, query: string): TypeChannelParticipantsFilter {
  switch (filter ?? (query === "" ? "recent" : "search")) {
    case "recent":
      return { _: "channelParticipantsRecent" };
    case "admins":
      return { _: "channelParticipantsAdmins" };
    case "bots":
      return { _: "channelParticipantsBots" };
    case "banned":
      return { _: "channelParticipantsBanned", q: query };
    case "kicked":
      return { _: "channelParticipantsKicked", q: query };
    case "contacts":
      return { _: "channelParticipantsContacts", q: query };
    case "mentions":
      return query === "" ? { _: "channelParticipantsMentions" } : { _: "channelParticipantsMentions", q: query };
    case "search":
      return { _: "channelParticipantsSearch", q: query };
  }
}

function fromChannelParticipant(raw: TypeChannelParticipant): ChatMember {
  switch (raw._) {
    case "channelParticipantCreator":
      return { userId: Number(raw.userId), status: "creator", date: 0, raw };
    case "channelParticipantAdmin":
      return { userId: Number(raw.userId), status: "admin", date: raw.date, raw };
    case "channelParticipantBanned":
      return {
        userId: peerNumber(raw.peer),
        status: raw.left === true || raw.bannedRights.viewMessages === true ? "banned" : "restricted",
        date: raw.date,
        raw,
      };
    case "channelParticipantLeft":
      return { userId: peerNumber(raw.peer), status: "left", date: 0, raw };
    default:
      return { userId: Number(raw.userId), status: "member", date: raw.date, raw };
  }
}

function peerNumber(
  peer: { _: "peerUser"; userId: bigint } | { _: "peerChat"; chatId: bigint } | { _: "peerChannel"; channelId: bigint },
): number {
  if (peer._ === "peerUser") return Number(peer.userId);
  if (peer._ === "peerChat") return Number(markPeerId("chat", peer.chatId));
  return Number(markPeerId("channel", peer.channelId));
}

function fromChatParticipant(raw: TypeChatParticipant): ChatMember {
  const status = raw._ === "chatParticipantCreator" ? "creator" : raw._ === "chatParticipantAdmin" ? "admin" : "member";
  return { userId: Number(raw.userId), status, date: "date" in raw ? raw.date : 0, raw };
}

/**
 * One page of members. Supergroups and channels: channels.getParticipants
 * (https://core.telegram.org/method/channels.getParticipants), at most 200 per call; Telegram's
 * servers are reported to stop listing a large group's "recent" members after about 10,000 (not in
 * the docs): `total` then exceeds what a walk returns, and the `search` filter with different queries
 * reaches the others. Basic groups: messages.getFullChat, all members in one page.
 */
export async function getChatMembers(
  ctx: ClientContext,
  chat: PeerRef,
  options: GetChatMembersOptions = {},
): Promise<ChatMembersPage> {
  const peer = await ctx.peers.resolvePeer(chat, options.signal);
  const channel = channelOf(peer);
  if (channel === null) {
    if (peer._ !== "inputPeerChat") throw new TypeError("getChatMembers needs a group or channel, not a user");
    const full = await ctx.invoke({ _: "messages.getFullChat", chatId: peer.chatId }, withSignal(options.signal));
    const participants =
      full.fullChat._ === "chatFull" && full.fullChat.participants._ === "chatParticipants"
        ? full.fullChat.participants.participants
        : [];
    const members = participants.map(fromChatParticipant);
    return { members, next: null, total: members.length };
  }
  const limit = Math.min(options.limit ?? MAX_MEMBERS_PAGE, MAX_MEMBERS_PAGE);
  const offset = options.offset ?? 0;
  const answer = await ctx.invoke(
    {
      _: "channels.getParticipants",
      channel,
      filter: filterOf(options.filter, options.query ?? ""),
      offset,
      limit,
      hash: 0n,
    },
    withSignal(options.signal),
  );
  if (answer._ === "channels.channelParticipantsNotModified") return { members: [], next: null, total: 0 };
  const members = answer.participants.map(fromChannelParticipant);
  const end = offset + members.length;
  return { members, next: members.length >= limit && end < answer.count ? end : null, total: answer.count };
}

export interface IterChatMembersOptions extends PaceOptions {
  readonly filter?: ChatMembersFilter;
  readonly query?: string;
  /** Members per request, at most 200. Default 200. */
  readonly chunkSize?: number;
}

/**
 * Every member the server lists, 200 per request, pausing `pageDelayMs` (default 300 ms) between
 * requests and sleeping through flood waits (see `PaceOptions`). The server's cap applies (see `getChatMembers`).
 */
export function iterChatMembers(
  ctx: ClientContext,
  chat: PeerRef,
  options: IterChatMembersOptions = {},
): AsyncGenerator<ChatMember, void, undefined> {
  const fetchPage = async (offset: number | null) => {
    const page = await getChatMembers(ctx, chat, {
      offset: offset ?? 0,
      limit: options.chunkSize ?? MAX_MEMBERS_PAGE,
      ...(options.filter === undefined ? {} : { filter: options.filter }),
      ...(options.query === undefined ? {} : { query: options.query }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    return { items: page.members, next: page.next };
  };
  return paginate<ChatMember, number>(0, fetchPage, ctx.sleep, { pageDelayMs: 300, ...options });
}
