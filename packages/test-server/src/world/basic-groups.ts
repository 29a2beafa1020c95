import type { ChatMessaging, SentMessage } from "./chat-messaging.js";
import { chatPeer, idKey } from "./peers.js";
import type { BasicGroup } from "./types.js";
import { seconds } from "./world-clock.js";
import { WorldError } from "./world-error.js";
import type { WorldParts } from "./world-parts.js";

/** Members a basic group may hold (https://core.telegram.org/api/channel#basic-groups; config chat_size_max). */
export const BASIC_GROUP_MAX = 200;

/** Basic groups: members listed on the group, every change announced with a service message. */
export class BasicGroups {
  constructor(
    private readonly parts: WorldParts,
    private readonly messaging: ChatMessaging,
  ) {}

  get(id: bigint): BasicGroup | undefined {
    return this.parts.store.table("chats").get("", idKey(id));
  }

  create(
    creatorId: bigint,
    title: string,
    userIds: readonly bigint[],
    ttlPeriod?: number,
  ): { chat: BasicGroup; sent: SentMessage } {
    const { store, accounts, env } = this.parts;
    if (title.trim() === "") throw new WorldError("CHAT_TITLE_EMPTY");
    const invited = [...new Set(userIds.filter((id) => id !== creatorId))];
    if (invited.length + 1 > BASIC_GROUP_MAX) throw new WorldError("USERS_TOO_MUCH");
    for (const id of invited) if (accounts.get(id) === undefined) throw new WorldError("USER_ID_INVALID");
    return store.transaction(() => {
      const id = BigInt(accounts.nextCounter("chatId", 1000));
      const date = seconds(env);
      const chat: BasicGroup = {
        id,
        title,
        creatorId,
        date,
        members: [creatorId, ...invited].map((userId) => ({
          userId,
          inviterId: creatorId,
          date,
          admin: userId === creatorId,
        })),
        version: 1,
        ttlPeriod,
      };
      this.put(chat);
      const sent = this.messaging.send(creatorId, chatPeer(id), {
        text: "",
        action: { kind: "chatCreate", title, userIds: invited },
      });
      this.announce(chat);
      return { chat, sent };
    });
  }

  addUser(actorId: bigint, chatId: bigint, userId: bigint): SentMessage {
    const { store, accounts, env } = this.parts;
    const chat = this.requireMember(chatId, actorId);
    if (accounts.get(userId) === undefined) throw new WorldError("USER_ID_INVALID");
    if (chat.members.some((member) => member.userId === userId)) throw new WorldError("USER_ALREADY_PARTICIPANT");
    if (chat.members.length >= BASIC_GROUP_MAX) throw new WorldError("USERS_TOO_MUCH");
    return store.transaction(() => {
      const next: BasicGroup = {
        ...chat,
        members: [...chat.members, { userId, inviterId: actorId, date: seconds(env), admin: false }],
        version: chat.version + 1,
      };
      this.put(next);
      const sent = this.messaging.send(actorId, chatPeer(chatId), {
        text: "",
        action: { kind: "chatAddUser", userIds: [userId] },
      });
      this.announce(next);
      return sent;
    });
  }

  /** Removes a member (oneself: leaving; others: the creator or an admin only); the removed member gets the service message too. */
  deleteUser(actorId: bigint, chatId: bigint, userId: bigint): SentMessage {
    const { store } = this.parts;
    const chat = this.requireMember(chatId, actorId);
    const actor = chat.members.find((member) => member.userId === actorId)!;
    if (!chat.members.some((member) => member.userId === userId)) throw new WorldError("USER_NOT_PARTICIPANT");
    if (actorId !== userId && !actor.admin) throw new WorldError("CHAT_ADMIN_REQUIRED");
    return store.transaction(() => {
      const sent = this.messaging.send(actorId, chatPeer(chatId), {
        text: "",
        action: { kind: "chatDeleteUser", userId },
      });
      const next: BasicGroup = {
        ...chat,
        members: chat.members.filter((member) => member.userId !== userId),
        version: chat.version + 1,
      };
      this.put(next);
      this.announce(next, [userId]);
      return sent;
    });
  }

  setTtl(chatId: bigint, period: number | undefined): void {
    const chat = this.get(chatId);
    if (chat !== undefined) this.put({ ...chat, ttlPeriod: period });
  }

  requireMember(chatId: bigint, userId: bigint): BasicGroup {
    const chat = this.get(chatId);
    if (chat === undefined) throw new WorldError("CHAT_ID_INVALID");
    if (!chat.members.some((member) => member.userId === userId)) throw new WorldError("CHAT_WRITE_FORBIDDEN");
    return chat;
  }

  private put(chat: BasicGroup): void {
    this.parts.store.table("chats").put("", idKey(chat.id), chat);
  }

  /** updateChatParticipants for every member (and those just removed). */
  private announce(chat: BasicGroup, alsoTo: readonly bigint[] = []): void {
    this.parts.emit({
      kind: "chatParticipants",
      chatId: chat.id,
      accountIds: [...chat.members.map((member) => member.userId), ...alsoTo],
    });
  }
}
