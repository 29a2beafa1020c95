import { chatTtl, participantsOf } from "./conversations.js";
import type { MessageDraft } from "./message-draft.js";
import { peerKey } from "./peers.js";
import type { LogEntry, Message, PeerRef } from "./types.js";
import { seconds } from "./world-clock.js";
import { WorldError } from "./world-error.js";
import type { WorldParts } from "./world-parts.js";

/** The sender's copy of a sent message and its pts entry. */
export interface SentMessage {
  readonly message: Message;
  readonly entry: LogEntry | undefined;
  /** True when the random_id was seen before: nothing new was sent. */
  readonly duplicate: boolean;
}

/**
 * Private chats and basic groups: every participant owns a copy of each message, numbered in its own
 * box, and each copy is a pts event in its owner's box (https://core.telegram.org/api/updates).
 */
export class ChatMessaging {
  constructor(private readonly parts: WorldParts) {}

  send(senderId: bigint, peer: PeerRef, draft: MessageDraft): SentMessage {
    const { store, boxes, messages, dialogs, env } = this.parts;
    const randomIds = store.table("randomIds");
    if (draft.randomId !== undefined) {
      const seen = randomIds.get(String(senderId), draft.randomId.toString());
      const first = seen?.ids[0] === undefined ? undefined : messages.ownCopy(senderId, seen.ids[0]);
      if (first !== undefined) return { message: first, entry: undefined, duplicate: true };
    }
    return store.transaction(() => {
      const participants = participantsOf(store, senderId, peer);
      const date = seconds(env);
      let shared = "";
      let sent: SentMessage | undefined;
      for (const participant of participants) {
        const owner = participant.accountId;
        const id = boxes.nextMessageId(owner);
        if (shared === "") shared = `${senderId}:${id}`;
        const message: Message = {
          id,
          ownerId: owner,
          peer: participant.peer,
          fromId: senderId,
          out: owner === senderId,
          date,
          text: draft.text,
          entities: draft.entities,
          media: draft.media,
          replyMarkup: draft.replyMarkup,
          replyToId: draft.replyToId === undefined ? undefined : this.replyIdFor(senderId, draft.replyToId, owner),
          forward: draft.forward,
          groupedId: draft.groupedId,
          editDate: undefined,
          ttlPeriod: positive(draft.ttlPeriod ?? chatTtl(store, dialogs, owner, participant.peer)),
          action: draft.action,
          silent: draft.silent === true,
          post: false,
        };
        messages.putCopy(message, shared);
        dialogs.onMessage(owner, message);
        this.parts.expiries.schedule(message, `a${owner}`, peerKey(participant.peer));
        const [entry] = boxes.append({ kind: "account", id: owner }, [
          { event: { kind: "newMessage", message }, ptsCount: 1 },
        ]);
        sent ??= { message, entry, duplicate: false };
      }
      if (sent === undefined) throw new WorldError("PEER_ID_INVALID");
      if (draft.randomId !== undefined)
        randomIds.put(String(senderId), draft.randomId.toString(), { ids: [sent.message.id] });
      return sent;
    });
  }

  /** Edits every copy (only the sender may); each owner gets an updateEditMessage pts event. */
  edit(editorId: bigint, id: number, change: Pick<MessageDraft, "text" | "entities" | "replyMarkup">): Message {
    const { messages, boxes, env, store } = this.parts;
    const own = messages.ownCopy(editorId, id);
    if (own === undefined) throw new WorldError("MESSAGE_ID_INVALID");
    if (!own.out || own.action !== undefined) throw new WorldError("MESSAGE_AUTHOR_REQUIRED");
    if (own.text === change.text && change.entities === undefined) throw new WorldError("MESSAGE_NOT_MODIFIED");
    return store.transaction(() => {
      const editDate = seconds(env);
      let mine = own;
      for (const copy of messages.copiesOf(editorId, id)) {
        const edited: Message = {
          ...copy,
          text: change.text,
          entities: change.entities,
          replyMarkup: change.replyMarkup ?? copy.replyMarkup,
          editDate,
        };
        messages.replace(edited);
        boxes.append({ kind: "account", id: copy.ownerId! }, [
          { event: { kind: "editMessage", message: edited }, ptsCount: 1 },
        ]);
        if (copy.ownerId === editorId) mine = edited;
      }
      return mine;
    });
  }

  /**
   * Deletes the owner's copies of `ids` (and, with `revoke`, everyone's copies). Returns the owner's
   * pts entry, or undefined when nothing was deleted.
   */
  delete(ownerId: bigint, ids: readonly number[], revoke: boolean): LogEntry | undefined {
    const { messages, boxes, store } = this.parts;
    return store.transaction(() => {
      const perOwner = new Map<bigint, number[]>();
      for (const id of ids) {
        const copies = revoke ? messages.copiesOf(ownerId, id) : [messages.ownCopy(ownerId, id)];
        for (const copy of copies) {
          if (copy === undefined) continue;
          messages.deleteCopy(copy);
          const list = perOwner.get(copy.ownerId!) ?? [];
          list.push(copy.id);
          perOwner.set(copy.ownerId!, list);
        }
      }
      let mine: LogEntry | undefined;
      for (const [owner, deleted] of perOwner) {
        const [entry] = boxes.append({ kind: "account", id: owner }, [
          { event: { kind: "deleteMessages", ids: deleted }, ptsCount: deleted.length },
        ]);
        if (owner === ownerId) mine = entry;
      }
      return mine;
    });
  }

  /**
   * Marks the owner's incoming messages up to `maxId` read (updateReadHistoryInbox in its box), and
   * tells each sender its outgoing copies were read (updateReadHistoryOutbox in theirs).
   */
  read(ownerId: bigint, peer: PeerRef, maxId: number): LogEntry | undefined {
    const { messages, boxes, dialogs, store } = this.parts;
    const dialog = dialogs.get(ownerId, peer);
    if (dialog === undefined) return undefined;
    const upTo = Math.min(maxId === 0 ? dialog.topMessage : maxId, dialog.topMessage);
    if (upTo <= dialog.readInboxMaxId) return undefined;
    return store.transaction(() => {
      dialogs.update(ownerId, peer, (row) => ({ ...row, readInboxMaxId: upTo }));
      const stillUnread = messages.countAbove(ownerId, peer, upTo);
      const [entry] = boxes.append({ kind: "account", id: ownerId }, [
        { event: { kind: "readInbox", peer, maxId: upTo, stillUnread }, ptsCount: 1 },
      ]);
      const newestRead = this.newestAtOrBelow(ownerId, peer, upTo);
      if (newestRead === undefined) return entry;
      for (const copy of messages.copiesOf(ownerId, newestRead.id)) {
        if (copy.ownerId === ownerId) continue;
        const readPeer = copy.peer;
        const updated = dialogs.update(copy.ownerId!, readPeer, (row) => ({
          ...row,
          readOutboxMaxId: Math.max(row.readOutboxMaxId, copy.id),
        }));
        if (updated === undefined) continue;
        boxes.append({ kind: "account", id: copy.ownerId! }, [
          { event: { kind: "readOutbox", peer: readPeer, maxId: copy.id }, ptsCount: 1 },
        ]);
      }
      return entry;
    });
  }

  private newestAtOrBelow(ownerId: bigint, peer: PeerRef, id: number): Message | undefined {
    const group = `a${ownerId}:${peerKey(peer)}`;
    return this.parts.store.table("messages").scan(group, { below: id + 1, reverse: true, limit: 1 })[0];
  }

  /** The id, in `owner`'s box, of the copy of the sender's message `replyToId`. */
  private replyIdFor(senderId: bigint, replyToId: number, owner: bigint): number | undefined {
    if (owner === senderId) return replyToId;
    return this.parts.messages.copiesOf(senderId, replyToId).find((copy) => copy.ownerId === owner)?.id;
  }
}

/** A ttl_period of 0 means none. */
export const positive = (value: number | undefined): number | undefined =>
  value === undefined || value <= 0 ? undefined : value;
