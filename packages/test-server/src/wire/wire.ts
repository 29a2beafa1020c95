import type {
  RawDialog,
  TypeChat,
  TypeChatFull,
  TypePeer,
  TypeUpdate,
  TypeUpdates,
  TypeUser,
  updates_RawState,
} from "@mtkit/tl-core/api";
import type { WorldLookup } from "../world/world-lookup.js";
import type { AccountBox, BasicGroup, BoxRef, Channel, Dialog, LogEntry, Message, PeerRef } from "../world/types.js";
import { PeerSet } from "./peer-set.js";
import { wireMessage, wireUpdate, type MediaView } from "./wire-messages.js";
import { wireBasicGroup, wireChannel, wireChatParticipants, wirePeer, wireUser } from "./wire-objects.js";

/**
 * The one place where world objects become TL objects for a viewer (layer 228). Handlers and the push
 * layer never build TL for world entities themselves, so answering an older layer means plugging a
 * different Wire in here.
 */
export class Wire {
  #mediaView: MediaView | undefined;

  constructor(readonly lookup: WorldLookup) {}

  /** Shows message media through `view` from now on (the files slice's current file references). */
  showMediaWith(view: MediaView): void {
    this.#mediaView = view;
  }

  user(id: bigint, viewerId: bigint): TypeUser {
    const account = this.lookup.account(id);
    return account === undefined
      ? { _: "userEmpty", id }
      : wireUser(account, viewerId, this.lookup.isContact(viewerId, id));
  }

  /** The `users` and `chats` vectors for everything in `peers`. */
  peers(viewerId: bigint, peers: PeerSet): { users: TypeUser[]; chats: TypeChat[] } {
    const users = [...peers.users].map((id) => this.user(id, viewerId));
    const chats: TypeChat[] = [];
    for (const id of peers.chats) {
      const chat = this.lookup.basicGroup(id);
      chats.push(chat === undefined ? { _: "chatEmpty", id } : wireBasicGroup(chat, viewerId));
    }
    for (const id of peers.channels) {
      const channel = this.lookup.channel(id);
      if (channel !== undefined) chats.push(wireChannel(channel, this.lookup.member(id, viewerId)));
    }
    return { users, chats };
  }

  peer(peer: PeerRef): TypePeer {
    return wirePeer(peer);
  }

  message(message: Message): ReturnType<typeof wireMessage> {
    return wireMessage(message, this.#mediaView);
  }

  update(box: BoxRef, entry: LogEntry): TypeUpdate {
    return wireUpdate(box, entry, this.#mediaView);
  }

  dialog(dialog: Dialog, unreadCount: number, channelPts?: number): RawDialog {
    return {
      _: "dialog",
      peer: wirePeer(dialog.peer),
      topMessage: dialog.topMessage,
      readInboxMaxId: dialog.readInboxMaxId,
      readOutboxMaxId: dialog.readOutboxMaxId,
      unreadCount,
      unreadMentionsCount: 0,
      unreadReactionsCount: 0,
      unreadPollVotesCount: 0,
      notifySettings: { _: "peerNotifySettings" },
      ...(dialog.pinnedOrder === undefined ? {} : { pinned: true }),
      ...(channelPts === undefined ? {} : { pts: channelPts }),
      ...(dialog.ttlPeriod === undefined ? {} : { ttlPeriod: dialog.ttlPeriod }),
    };
  }

  /** updateChannel: the viewer's standing in a channel changed, refetch it. */
  channelChanged(channelId: bigint): TypeUpdate {
    return { _: "updateChannel", channelId };
  }

  chatParticipantsChanged(chat: BasicGroup): TypeUpdate {
    return { _: "updateChatParticipants", participants: wireChatParticipants(chat) };
  }

  /** https://core.telegram.org/constructor/channelFull for a member's dialog state. */
  channelFull(channel: Channel, dialog: Dialog | undefined, unreadCount: number, pts: number): TypeChatFull {
    return {
      _: "channelFull",
      id: channel.id,
      about: channel.about,
      participantsCount: channel.memberCount,
      readInboxMaxId: dialog?.readInboxMaxId ?? 0,
      readOutboxMaxId: dialog?.readOutboxMaxId ?? 0,
      unreadCount,
      chatPhoto: { _: "photoEmpty", id: 0n },
      notifySettings: { _: "peerNotifySettings" },
      botInfo: [],
      pts,
      canViewParticipants: true,
      ...(channel.ttlPeriod === undefined ? {} : { ttlPeriod: channel.ttlPeriod }),
    };
  }

  /** https://core.telegram.org/constructor/chatFull of a basic group. */
  chatFull(chat: BasicGroup): TypeChatFull {
    return {
      _: "chatFull",
      id: chat.id,
      about: "",
      participants: wireChatParticipants(chat),
      notifySettings: { _: "peerNotifySettings" },
      ...(chat.ttlPeriod === undefined ? {} : { ttlPeriod: chat.ttlPeriod }),
    };
  }

  state(box: AccountBox, unreadCount: number): updates_RawState {
    return { _: "updates.state", pts: box.pts, qts: box.qts, date: box.date, seq: box.seq, unreadCount };
  }

  /** An `updates` with the users and chats its updates mention (https://core.telegram.org/constructor/updates). */
  updates(viewerId: bigint, updates: TypeUpdate[], peers: PeerSet, date: number, seq: number): TypeUpdates {
    return { _: "updates", updates, ...this.peers(viewerId, peers), date, seq };
  }

  /** The `updates` carrying log entries of one box. */
  entries(viewerId: bigint, box: BoxRef, entries: readonly LogEntry[], date: number, seq: number): TypeUpdates {
    const peers = peersOfEntries(box, entries);
    return this.updates(
      viewerId,
      entries.map((entry) => this.update(box, entry)),
      peers,
      date,
      seq,
    );
  }

  /**
   * The short form Telegram pushes for a plain new private or basic-group message
   * (updateShortMessage / updateShortChatMessage), or undefined when only the full form fits.
   */
  short(entry: LogEntry): TypeUpdates | undefined {
    if (entry.event.kind !== "newMessage") return undefined;
    const message = entry.event.message;
    if (
      message.action !== undefined ||
      message.media !== undefined ||
      message.replyMarkup !== undefined ||
      message.fromId === undefined
    )
      return undefined;
    const common = {
      id: message.id,
      message: message.text,
      pts: entry.pts,
      ptsCount: entry.ptsCount,
      date: message.date,
      ...(message.out ? { out: true } : {}),
      ...(message.silent ? { silent: true } : {}),
      ...(message.entities === undefined ? {} : { entities: [...message.entities] }),
      ...(message.replyToId === undefined
        ? {}
        : { replyTo: { _: "messageReplyHeader" as const, replyToMsgId: message.replyToId } }),
      ...(message.ttlPeriod === undefined ? {} : { ttlPeriod: message.ttlPeriod }),
      ...(message.forward === undefined
        ? {}
        : {
            fwdFrom: {
              _: "messageFwdHeader" as const,
              date: message.forward.date,
              ...(message.forward.from === undefined ? {} : { fromId: wirePeer(message.forward.from) }),
            },
          }),
    };
    if (message.peer.kind === "user") return { _: "updateShortMessage", userId: message.peer.id, ...common };
    if (message.peer.kind === "chat")
      return { _: "updateShortChatMessage", fromId: message.fromId, chatId: message.peer.id, ...common };
    return undefined;
  }

  /** What messages.sendMessage answers the sender (https://core.telegram.org/constructor/updateShortSentMessage). */
  sent(entry: LogEntry): TypeUpdates {
    const message = entry.event.kind === "newMessage" ? entry.event.message : undefined;
    return {
      _: "updateShortSentMessage",
      out: true,
      id: message?.id ?? 0,
      pts: entry.pts,
      ptsCount: entry.ptsCount,
      date: entry.date,
      ...(message?.entities === undefined ? {} : { entities: [...message.entities] }),
      ...(message?.ttlPeriod === undefined ? {} : { ttlPeriod: message.ttlPeriod }),
    };
  }
}

/** Every peer the entries of a box mention. */
export function peersOfEntries(box: BoxRef, entries: readonly LogEntry[]): PeerSet {
  const peers = new PeerSet();
  if (box.kind === "channel") peers.add({ kind: "channel", id: box.id });
  for (const { event } of entries) {
    if (event.kind === "newMessage" || event.kind === "editMessage") peers.addMessage(event.message);
    if (event.kind === "readInbox" || event.kind === "readOutbox") peers.add(event.peer);
  }
  return peers;
}
