import type { messages_TypeChatInviteJoinResult, TypeUpdates } from "@mtkit/tl-core/api";
import { UnexpectedAnswerError } from "../messages/unexpected-answer-error.js";
import type { PeerRef } from "../peers/parse-peer-ref.js";
import { withSignal, type ClientContext } from "../messages/context.js";
import { channelOf } from "../messages/input-peer-kind.js";
import { chatOfUpdates, type Chat } from "./chat.js";

export interface AddChatMembersOptions {
  /** Basic groups: how many recent messages the new members see. Default 100. */
  readonly forwardLimit?: number;
  readonly signal?: AbortSignal;
}

/**
 * Adds users: channels.inviteToChannel for supergroups and channels, messages.addChatUser (one per
 * user) for basic groups. Returns the ids of users Telegram could not add (privacy settings...).
 */
export async function addChatMembers(
  ctx: ClientContext,
  chat: PeerRef,
  users: readonly PeerRef[],
  options: AddChatMembersOptions = {},
): Promise<number[]> {
  const peer = await ctx.peers.resolvePeer(chat, options.signal);
  const inputUsers = await Promise.all(users.map((user) => ctx.peers.resolveUser(user, options.signal)));
  const channel = channelOf(peer);
  const invokeOptions = withSignal(options.signal);
  if (channel !== null) {
    const answer = await ctx.invoke({ _: "channels.inviteToChannel", channel, users: inputUsers }, invokeOptions);
    return answer.missingInvitees.map((missing) => Number(missing.userId));
  }
  if (peer._ !== "inputPeerChat") throw new TypeError("addChatMembers needs a group or channel, not a user");
  const missing: number[] = [];
  for (const userId of inputUsers) {
    const answer = await ctx.invoke(
      { _: "messages.addChatUser", chatId: peer.chatId, userId, fwdLimit: options.forwardLimit ?? 100 },
      invokeOptions,
    );
    missing.push(...answer.missingInvitees.map((invitee) => Number(invitee.userId)));
  }
  return missing;
}

export interface MembershipOptions {
  readonly signal?: AbortSignal;
}

// https://core.telegram.org/api/links#chat-invite-links: t.me/+HASH and t.me/joinchat/HASH.
const INVITE_LINK = /^(?:https?:\/\/)?(?:t\.me|telegram\.me)\/(?:\+|joinchat\/)([\w-]+)\/?$/i;

/** Joins a public supergroup or channel (channels.joinChannel), or any chat by invite link (messages.importChatInvite). */
export async function joinChat(ctx: ClientContext, chat: PeerRef, options: MembershipOptions = {}): Promise<Chat> {
  const invite = typeof chat === "string" ? INVITE_LINK.exec(chat.trim())?.[1] : undefined;
  if (invite !== undefined) {
    const answer = await ctx.invoke({ _: "messages.importChatInvite", hash: invite }, withSignal(options.signal));
    return chatOfUpdates(joinedUpdates(answer, "messages.importChatInvite"), "messages.importChatInvite");
  }
  const channel = channelOf(await ctx.peers.resolvePeer(chat, options.signal));
  if (channel === null)
    throw new TypeError(
      "joinChat needs a channel, a supergroup or an invite link (basic groups are joined by invitation)",
    );
  const answer = await ctx.invoke({ _: "channels.joinChannel", channel }, withSignal(options.signal));
  return chatOfUpdates(joinedUpdates(answer, "channels.joinChannel"), "channels.joinChannel");
}

/** Layer 228 may answer a join with a bot's web view to pass first; that is not a join yet. */
function joinedUpdates(result: messages_TypeChatInviteJoinResult, method: string): TypeUpdates {
  if (result._ === "messages.chatInviteJoinResultOk") return result.updates;
  throw new UnexpectedAnswerError(
    method,
    "the chat asks to pass a bot's web view before joining; use invoke() for that flow",
  );
}

/** Leaves a supergroup or channel (channels.leaveChannel) or a basic group (messages.deleteChatUser of yourself). */
export async function leaveChat(ctx: ClientContext, chat: PeerRef, options: MembershipOptions = {}): Promise<void> {
  const peer = await ctx.peers.resolvePeer(chat, options.signal);
  const channel = channelOf(peer);
  if (channel !== null) {
    await ctx.invoke({ _: "channels.leaveChannel", channel }, withSignal(options.signal));
    return;
  }
  if (peer._ !== "inputPeerChat") throw new TypeError("leaveChat needs a group or channel, not a user");
  await ctx.invoke(
    { _: "messages.deleteChatUser", chatId: peer.chatId, userId: { _: "inputUserSelf" } },
    withSignal(options.signal),
  );
}

/**
 * The chat's auto-delete timer (messages.setHistoryTTL, https://core.telegram.org/api/ttl): new
 * messages are deleted `seconds` after sending; 0 turns it off. Telegram has no per-message timer for
 * text in cloud chats: a message's `ttlPeriod` is the chat's timer when it was sent.
 */
export async function setHistoryTtl(
  ctx: ClientContext,
  peer: PeerRef,
  seconds: number,
  options: MembershipOptions = {},
): Promise<void> {
  const inputPeer = await ctx.peers.resolvePeer(peer, options.signal);
  await ctx.invoke({ _: "messages.setHistoryTTL", peer: inputPeer, period: seconds }, withSignal(options.signal));
}
