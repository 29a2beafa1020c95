import type { TypeChannelParticipant } from "@mtkit/tl-core/api";
import type { ChannelMember } from "../world/types.js";

/** https://core.telegram.org/constructor/chatAdminRights of a channel's creator: every right. */
export const CREATOR_ADMIN_RIGHTS = {
  _: "chatAdminRights" as const,
  changeInfo: true,
  postMessages: true,
  editMessages: true,
  deleteMessages: true,
  banUsers: true,
  inviteUsers: true,
  pinMessages: true,
  addAdmins: true,
};

/** An admin the creator promoted: every right but adding admins. */
export const ADMIN_RIGHTS = { ...CREATOR_ADMIN_RIGHTS, addAdmins: false };

/** https://core.telegram.org/type/ChannelParticipant of one member (channelParticipantSelf for the viewer). */
export function wireParticipant(member: ChannelMember, viewerId: bigint, creatorId: bigint): TypeChannelParticipant {
  const peer = { _: "peerUser" as const, userId: member.userId };
  switch (member.role) {
    case "creator":
      return { _: "channelParticipantCreator", userId: member.userId, adminRights: CREATOR_ADMIN_RIGHTS };
    case "admin":
      return {
        _: "channelParticipantAdmin",
        userId: member.userId,
        promotedBy: creatorId,
        date: member.date,
        adminRights: ADMIN_RIGHTS,
        ...(member.userId === viewerId ? { self: true } : {}),
      };
    case "kicked":
    case "banned":
      return {
        _: "channelParticipantBanned",
        peer,
        kickedBy: creatorId,
        date: member.date,
        bannedRights: { _: "chatBannedRights", viewMessages: member.role === "kicked", untilDate: 0 },
        ...(member.role === "kicked" ? { left: true } : {}),
      };
    case "left":
      return { _: "channelParticipantLeft", peer };
    case "member":
      return member.userId === viewerId
        ? {
            _: "channelParticipantSelf",
            userId: member.userId,
            inviterId: member.inviterId ?? creatorId,
            date: member.date,
          }
        : { _: "channelParticipant", userId: member.userId, date: member.date };
  }
}
