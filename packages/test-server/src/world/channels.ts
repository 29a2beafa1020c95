import { positive } from "./chat-messaging.js";
import type { MessageDraft } from "./message-draft.js";
import { channelPeer, idKey, peerKey } from "./peers.js";
import type { Channel, ChannelMember, ChannelRole, LogEntry, Message } from "./types.js";
import { seconds } from "./world-clock.js";
import { WorldError } from "./world-error.js";
import type { WorldParts } from "./world-parts.js";

export const isActiveMember = (member: ChannelMember | undefined): member is ChannelMember =>
  member !== undefined && (member.role === "creator" || member.role === "admin" || member.role === "member");

/**
 * Channels and supergroups (https://core.telegram.org/api/channel): one copy of each message, one pts
 * box per channel, members in their own rows. Posting appends once to the channel's box, whatever
 * the member count: members catch up with getChannelDifference.
 */
export class Channels {
  constructor(private readonly parts: WorldParts) {}

  get(id: bigint): Channel | undefined {
    return this.parts.store.table("channels").get("", idKey(id));
  }

  member(channelId: bigint, userId: bigint): ChannelMember | undefined {
    return this.parts.store.table("members").get(String(channelId), idKey(userId));
  }

  create(
    creatorId: bigint,
    fields: {
      title: string;
      about: string;
      megagroup: boolean;
      username?: string | undefined;
      ttlPeriod?: number | undefined;
    },
  ): { channel: Channel; entry: LogEntry | undefined } {
    const { store, accounts, env } = this.parts;
    if (fields.title.trim() === "") throw new WorldError("CHAT_TITLE_EMPTY");
    if (fields.username !== undefined && accounts.usernameTaken(fields.username))
      throw new WorldError("USERNAME_OCCUPIED");
    return store.transaction(() => {
      const id = BigInt(accounts.nextCounter("channelId", 1_000_000_000));
      const channel: Channel = {
        id,
        accessHash: env.randomLong(),
        title: fields.title,
        about: fields.about,
        megagroup: fields.megagroup,
        creatorId,
        date: seconds(env),
        username: fields.username,
        ttlPeriod: fields.ttlPeriod,
        memberCount: 0,
        joinSeq: 0,
      };
      store.table("channels").put("", idKey(id), channel);
      if (fields.username !== undefined)
        store.table("lookups").put("username", fields.username.toLowerCase(), { kind: "channel", id });
      this.addMembers(id, [creatorId], creatorId, "creator");
      const { entry } = this.post(creatorId, id, { text: "", action: { kind: "channelCreate", title: fields.title } });
      return { channel: this.get(id)!, entry };
    });
  }

  /**
   * Adds members (or changes their role) without posting anything: what seeding a 200,000-member
   * group uses. Returns the ids that were not members before.
   */
  addMembers(
    channelId: bigint,
    userIds: Iterable<bigint>,
    inviterId: bigint | undefined,
    role: ChannelRole = "member",
  ): bigint[] {
    const { store, dialogs, env } = this.parts;
    return store.transaction(() => {
      let channel = this.get(channelId);
      if (channel === undefined) throw new WorldError("CHANNEL_INVALID");
      const members = store.table("members");
      const order = store.table("memberOrder");
      const date = seconds(env);
      const added: bigint[] = [];
      let { memberCount, joinSeq } = channel;
      for (const userId of userIds) {
        const existing = members.get(String(channelId), idKey(userId));
        if (isActiveMember(existing) && existing.role === role) continue;
        if (!isActiveMember(existing)) {
          memberCount++;
          added.push(userId);
        }
        joinSeq++;
        if (existing !== undefined) order.delete(String(channelId), existing.joinSeq);
        members.put(String(channelId), idKey(userId), { userId, role, inviterId, date, joinSeq });
        order.put(String(channelId), joinSeq, { userId });
        dialogs.ensure(userId, channelPeer(channelId), date);
      }
      channel = { ...channel, memberCount, joinSeq };
      store.table("channels").put("", idKey(channelId), channel);
      return added;
    });
  }

  /** A user joins (or is invited): membership plus an updateChannel notice for the new members. */
  join(channelId: bigint, userIds: readonly bigint[], inviterId: bigint | undefined): bigint[] {
    const added = this.addMembers(channelId, userIds, inviterId);
    if (added.length > 0) this.parts.emit({ kind: "channelChanged", channelId, accountIds: added });
    return added;
  }

  /** Leaves (role "left"), kicks or bans a member. */
  removeMember(channelId: bigint, userId: bigint, role: "left" | "kicked" | "banned"): void {
    const { store, dialogs } = this.parts;
    const channel = this.get(channelId);
    const member = this.member(channelId, userId);
    if (channel === undefined) throw new WorldError("CHANNEL_INVALID");
    if (!isActiveMember(member)) throw new WorldError("USER_NOT_PARTICIPANT");
    if (member.role === "creator" && role === "left")
      throw new WorldError("CHAT_ADMIN_REQUIRED", "the creator cannot leave");
    store.transaction(() => {
      store.table("members").put(String(channelId), idKey(userId), { ...member, role });
      store.table("memberOrder").delete(String(channelId), member.joinSeq);
      store.table("channels").put("", idKey(channelId), { ...channel, memberCount: channel.memberCount - 1 });
      dialogs.remove(userId, channelPeer(channelId));
    });
    this.parts.emit({ kind: "channelChanged", channelId, accountIds: [userId] });
  }

  /** One message, one pts event in the channel's box, however many members. */
  post(
    senderId: bigint,
    channelId: bigint,
    draft: MessageDraft,
  ): { message: Message; entry: LogEntry | undefined; duplicate: boolean } {
    const { store, boxes, messages, env, expiries } = this.parts;
    const channel = this.get(channelId);
    if (channel === undefined) throw new WorldError("CHANNEL_INVALID");
    const member = this.member(channelId, senderId);
    if (!isActiveMember(member)) throw new WorldError("CHAT_WRITE_FORBIDDEN");
    if (!channel.megagroup && member.role === "member") throw new WorldError("CHAT_ADMIN_REQUIRED");
    const randomIds = store.table("randomIds");
    const randomGroup = `c${channelId}:${senderId}`;
    if (draft.randomId !== undefined) {
      const seen = randomIds.get(randomGroup, draft.randomId.toString());
      const first = seen?.ids[0] === undefined ? undefined : messages.channelMessage(channelId, seen.ids[0]);
      if (first !== undefined) return { message: first, entry: undefined, duplicate: true };
    }
    return store.transaction(() => {
      const last = messages.newest(undefined, channelPeer(channelId))?.id ?? 0;
      const counter = this.parts.accounts.nextCounter(`channelMessage:${channelId}`, 1);
      const id = Math.max(counter, last + 1);
      const message: Message = {
        id,
        ownerId: undefined,
        peer: channelPeer(channelId),
        fromId: channel.megagroup ? senderId : undefined,
        out: false,
        date: seconds(env),
        text: draft.text,
        entities: draft.entities,
        media: draft.media,
        replyMarkup: draft.replyMarkup,
        replyToId: draft.replyToId,
        forward: draft.forward,
        groupedId: draft.groupedId,
        editDate: undefined,
        ttlPeriod: positive(draft.ttlPeriod ?? channel.ttlPeriod),
        action: draft.action,
        silent: draft.silent === true,
        post: !channel.megagroup,
      };
      messages.putChannelMessage(message);
      expiries.schedule(message, `c${channelId}`, peerKey(message.peer));
      const [entry] = boxes.append({ kind: "channel", id: channelId }, [
        { event: { kind: "newMessage", message }, ptsCount: 1 },
      ]);
      if (draft.randomId !== undefined) randomIds.put(randomGroup, draft.randomId.toString(), { ids: [id] });
      return { message, entry, duplicate: false };
    });
  }

  /** Edits a channel message (its author only); one updateEditChannelMessage pts event. */
  edit(
    editorId: bigint,
    channelId: bigint,
    id: number,
    change: Pick<MessageDraft, "text" | "entities" | "replyMarkup">,
  ): { message: Message; entry: LogEntry } {
    const { messages, boxes, env } = this.parts;
    const message = messages.channelMessage(channelId, id);
    if (message === undefined) throw new WorldError("MESSAGE_ID_INVALID");
    const member = this.member(channelId, editorId);
    const mayEdit =
      message.fromId === editorId || (message.post && (member?.role === "creator" || member?.role === "admin"));
    if (!mayEdit || message.action !== undefined) throw new WorldError("MESSAGE_AUTHOR_REQUIRED");
    const edited: Message = {
      ...message,
      text: change.text,
      entities: change.entities,
      replyMarkup: change.replyMarkup ?? message.replyMarkup,
      editDate: seconds(env),
    };
    messages.replace(edited);
    const [entry] = boxes.append({ kind: "channel", id: channelId }, [
      { event: { kind: "editMessage", message: edited }, ptsCount: 1 },
    ]);
    return { message: edited, entry: entry! };
  }

  /** Sets the auto-delete timer of a channel (its admins only). */
  setTtl(actorId: bigint, channelId: bigint, ttlPeriod: number | undefined): void {
    const channel = this.get(channelId);
    if (channel === undefined) throw new WorldError("CHANNEL_INVALID");
    const role = this.member(channelId, actorId)?.role;
    if (role !== "creator" && role !== "admin") throw new WorldError("CHAT_ADMIN_REQUIRED");
    this.parts.store.table("channels").put("", idKey(channelId), { ...channel, ttlPeriod });
  }

  /** Deletes messages whatever their author (auto-delete timers). */
  deleteAsSystem(channelId: bigint, ids: readonly number[]): LogEntry | undefined {
    const { messages, boxes } = this.parts;
    const deleted = ids.filter((id) => messages.deleteChannelMessage(channelId, id));
    if (deleted.length === 0) return undefined;
    return boxes.append({ kind: "channel", id: channelId }, [
      { event: { kind: "deleteMessages", ids: deleted }, ptsCount: deleted.length },
    ])[0];
  }

  /** Deletes channel messages (one pts event for all of them). */
  deleteMessages(actorId: bigint, channelId: bigint, ids: readonly number[]): LogEntry | undefined {
    const { messages, boxes, store } = this.parts;
    const member = this.member(channelId, actorId);
    if (!isActiveMember(member)) throw new WorldError("CHANNEL_PRIVATE");
    return store.transaction(() => {
      const deleted: number[] = [];
      for (const id of ids) {
        const message = messages.channelMessage(channelId, id);
        if (message === undefined) continue;
        if (member.role === "member" && message.fromId !== actorId) throw new WorldError("MESSAGE_DELETE_FORBIDDEN");
        if (messages.deleteChannelMessage(channelId, id)) deleted.push(id);
      }
      if (deleted.length === 0) return undefined;
      return boxes.append({ kind: "channel", id: channelId }, [
        { event: { kind: "deleteMessages", ids: deleted }, ptsCount: deleted.length },
      ])[0];
    });
  }

  /** Marks the channel read up to `maxId` for one member (only that member's dialog row changes). */
  read(userId: bigint, channelId: bigint, maxId: number): boolean {
    const { dialogs, messages } = this.parts;
    const top = messages.newest(undefined, channelPeer(channelId))?.id ?? 0;
    const upTo = Math.min(maxId === 0 ? top : maxId, top);
    const updated = dialogs.update(userId, channelPeer(channelId), (row) =>
      upTo > row.readInboxMaxId ? { ...row, readInboxMaxId: upTo } : row,
    );
    return updated !== undefined;
  }
}
