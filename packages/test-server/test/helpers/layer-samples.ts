import type { TlObject } from "@mtkit/tl-core";
import type { RawMessage, RawUser, TypeChat, TypeUpdates } from "@mtkit/tl-core/api";

// Real-world layer-228 objects as the server sends them, for the layer converters' tests (issue 16).

export const sampleUser: RawUser = {
  _: "user",
  self: true,
  contact: true,
  premium: true,
  id: 1_000_001n,
  accessHash: -5_000_000_000n,
  firstName: "Ann",
  lastName: "Example",
  username: "ann",
  phone: "9996610001",
  photo: { _: "userProfilePhoto", hasVideo: false, photoId: 77n, dcId: 1 },
  status: { _: "userStatusOnline", expires: 1_800_000_000 },
  usernames: [{ _: "username", active: true, username: "ann" }],
  color: { _: "peerColor", color: 3 },
  langCode: "en",
};

export const sampleChannel: TypeChat = {
  _: "channel",
  megagroup: true,
  id: 2_000_002n,
  accessHash: 42n,
  title: "Group",
  photo: { _: "chatPhotoEmpty" },
  date: 1_700_000_000,
  participantsCount: 200_000,
};

export const sampleMessage: RawMessage = {
  _: "message",
  out: true,
  id: 17,
  fromId: { _: "peerUser", userId: 1_000_001n },
  peerId: { _: "peerChannel", channelId: 2_000_002n },
  replyTo: { _: "messageReplyHeader", replyToMsgId: 16 },
  date: 1_700_000_100,
  message: "hello **world**",
  media: {
    _: "messageMediaPhoto",
    photo: {
      _: "photo",
      id: 99n,
      accessHash: 98n,
      fileReference: Uint8Array.of(1, 2, 3),
      date: 1_700_000_050,
      sizes: [{ _: "photoSize", type: "x", w: 800, h: 600, size: 12345 }],
      dcId: 1,
    },
  },
  entities: [
    { _: "messageEntityBold", offset: 6, length: 9 },
    // No counterpart in 198 or 227: becomes messageEntityUnknown there.
    { _: "messageEntityFormattedDate", relative: true, offset: 0, length: 5, date: 1_700_000_000 },
  ],
  editDate: 1_700_000_200,
};

export const sampleUpdates: TypeUpdates = {
  _: "updates",
  updates: [
    { _: "updateNewChannelMessage", message: sampleMessage, pts: 5, ptsCount: 1 },
    { _: "updateUserStatus", userId: 1_000_001n, status: { _: "userStatusRecently" } },
  ],
  users: [sampleUser],
  chats: [sampleChannel],
  date: 1_700_000_300,
  seq: 0,
};

export const sampleAuthorization: TlObject = { _: "auth.authorization", user: sampleUser } as TlObject;
