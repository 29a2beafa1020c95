import type { WorldStore } from "../store/world-store.js";
import { isActiveMember } from "./channels.js";
import { idKey } from "./peers.js";
import type { ChannelMember } from "./types.js";

/** Which members a participants query wants (https://core.telegram.org/type/ChannelParticipantsFilter). */
export type ParticipantFilter =
  | { readonly kind: "recent" }
  | { readonly kind: "admins" }
  | { readonly kind: "bots" }
  | { readonly kind: "kicked"; readonly q: string }
  | { readonly kind: "banned"; readonly q: string }
  | { readonly kind: "search"; readonly q: string };

/** At most this many participants per call, as on Telegram. */
export const PARTICIPANTS_PER_CALL = 200;

/**
 * One page of a channel's members. "recent" walks the join order newest first and costs only the
 * page; the other filters scan the members (fine for a test server, even at 200,000).
 */
export function participantsPage(
  store: WorldStore,
  channelId: bigint,
  filter: ParticipantFilter,
  offset: number,
  limit: number,
): { members: ChannelMember[]; count: number } {
  const take = Math.max(0, Math.min(limit, PARTICIPANTS_PER_CALL));
  const members = store.table("members");
  if (filter.kind === "recent") {
    const ids = store
      .table("memberOrder")
      .scan(String(channelId), { reverse: true, skip: Math.max(0, offset), limit: take });
    const page = ids.map((row) => members.get(String(channelId), idKey(row.userId))).filter(isActiveMember);
    return { members: page, count: store.table("memberOrder").count(String(channelId)) };
  }
  const matches = members.scan(String(channelId)).filter((member) => matchesFilter(store, member, filter));
  return { members: matches.slice(Math.max(0, offset), Math.max(0, offset) + take), count: matches.length };
}

function matchesFilter(store: WorldStore, member: ChannelMember, filter: ParticipantFilter): boolean {
  switch (filter.kind) {
    case "recent":
      return isActiveMember(member);
    case "admins":
      return member.role === "creator" || member.role === "admin";
    case "bots":
      return isActiveMember(member) && store.table("accounts").get("", idKey(member.userId))?.bot === true;
    case "kicked":
      return member.role === "kicked" && matchesName(store, member.userId, filter.q);
    case "banned":
      return member.role === "banned" && matchesName(store, member.userId, filter.q);
    case "search":
      return isActiveMember(member) && matchesName(store, member.userId, filter.q);
  }
}

function matchesName(store: WorldStore, userId: bigint, q: string): boolean {
  if (q === "") return true;
  const account = store.table("accounts").get("", idKey(userId));
  if (account === undefined) return false;
  const wanted = q.toLowerCase();
  return [account.firstName, account.lastName ?? "", account.username ?? ""].some((name) =>
    name.toLowerCase().includes(wanted),
  );
}
