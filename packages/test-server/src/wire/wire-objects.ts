import type { RawUser, TypeChat, TypeChatParticipants, TypeMessageAction, TypePeer } from "@mtkit/tl-core/api";
import type { Account, BasicGroup, Channel, ChannelMember, PeerRef, ServiceAction } from "../world/types.js";
import { ADMIN_RIGHTS, CREATOR_ADMIN_RIGHTS } from "./wire-participants.js";

/** https://core.telegram.org/constructor/user as `viewerId` sees it (phone only for oneself or a contact). */
export function wireUser(user: Account, viewerId: bigint | undefined, contact = false): RawUser {
  const self = viewerId === user.id;
  return {
    _: "user",
    id: user.id,
    accessHash: user.accessHash,
    firstName: user.firstName,
    ...(user.lastName === undefined ? {} : { lastName: user.lastName }),
    ...(user.username === undefined ? {} : { username: user.username }),
    ...((self || contact) && !user.bot ? { phone: user.phone } : {}),
    ...(self ? { self: true } : {}),
    ...(contact ? { contact: true } : {}),
    ...(user.bot ? { bot: true, botInfoVersion: 1 } : {}),
  };
}

export function wirePeer(peer: PeerRef): TypePeer {
  if (peer.kind === "user") return { _: "peerUser", userId: peer.id };
  if (peer.kind === "chat") return { _: "peerChat", chatId: peer.id };
  return { _: "peerChannel", channelId: peer.id };
}

/** A basic group: `chat` for members, `chatForbidden` for others (https://core.telegram.org/constructor/chat). */
export function wireBasicGroup(chat: BasicGroup, viewerId: bigint): TypeChat {
  if (!chat.members.some((member) => member.userId === viewerId))
    return { _: "chatForbidden", id: chat.id, title: chat.title };
  return {
    _: "chat",
    id: chat.id,
    title: chat.title,
    photo: { _: "chatPhotoEmpty" },
    participantsCount: chat.members.length,
    date: chat.date,
    version: chat.version,
    ...(chat.creatorId === viewerId ? { creator: true } : {}),
  };
}

/** A channel or supergroup with the viewer's standing in it (https://core.telegram.org/constructor/channel). */
export function wireChannel(channel: Channel, member: ChannelMember | undefined): TypeChat {
  const inside = member !== undefined && member.role !== "left" && member.role !== "kicked" && member.role !== "banned";
  if (member?.role === "kicked" || member?.role === "banned")
    return { _: "channelForbidden", id: channel.id, accessHash: channel.accessHash, title: channel.title };
  return {
    _: "channel",
    id: channel.id,
    accessHash: channel.accessHash,
    title: channel.title,
    photo: { _: "chatPhotoEmpty" },
    date: channel.date,
    participantsCount: channel.memberCount,
    ...(channel.username === undefined ? {} : { username: channel.username }),
    ...(channel.megagroup ? { megagroup: true } : { broadcast: true }),
    ...(member?.role === "creator" ? { creator: true, adminRights: CREATOR_ADMIN_RIGHTS } : {}),
    ...(member?.role === "admin" ? { adminRights: ADMIN_RIGHTS } : {}),
    ...(inside ? {} : { left: true }),
  };
}

export function wireAction(action: ServiceAction): TypeMessageAction {
  switch (action.kind) {
    case "chatCreate":
      return { _: "messageActionChatCreate", title: action.title, users: [...action.userIds] };
    case "chatAddUser":
      return { _: "messageActionChatAddUser", users: [...action.userIds] };
    case "chatDeleteUser":
      return { _: "messageActionChatDeleteUser", userId: action.userId };
    case "channelCreate":
      return { _: "messageActionChannelCreate", title: action.title };
    case "setTtl":
      return { _: "messageActionSetMessagesTTL", period: action.period };
  }
}

/** https://core.telegram.org/constructor/chatParticipants of a basic group. */
export function wireChatParticipants(chat: BasicGroup): TypeChatParticipants {
  return {
    _: "chatParticipants",
    chatId: chat.id,
    version: chat.version,
    participants: chat.members.map((member) =>
      member.userId === chat.creatorId
        ? { _: "chatParticipantCreator" as const, userId: member.userId }
        : {
            _: member.admin ? ("chatParticipantAdmin" as const) : ("chatParticipant" as const),
            userId: member.userId,
            inviterId: member.inviterId,
            date: member.date,
          },
    ),
  };
}
