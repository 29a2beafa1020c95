import type { SrpAlgorithm } from "@mtkit/mtproto-crypto";
import type { TypeMessageEntity, TypeMessageMedia, TypeReplyMarkup } from "@mtkit/tl-core/api";

/** A 2FA password as the server keeps it: the SRP verifier v = g^x, never the password. */
export interface StoredPassword {
  readonly algo: SrpAlgorithm;
  readonly verifier: Uint8Array;
  readonly hint: string | undefined;
}

/** A user or a bot. */
export interface Account {
  readonly id: bigint;
  readonly accessHash: bigint;
  /** Digits only; empty for bots. */
  readonly phone: string;
  readonly firstName: string;
  readonly lastName: string | undefined;
  readonly username: string | undefined;
  readonly bot: boolean;
  /** The DC the account lives on: login elsewhere gets PHONE_MIGRATE_X / USER_MIGRATE_X. */
  readonly homeDc: number;
  readonly password: StoredPassword | undefined;
  readonly botToken: string | undefined;
}

/** Who a message or a dialog is with, as its owner sees it. */
export type PeerRef =
  | { readonly kind: "user"; readonly id: bigint }
  | { readonly kind: "chat"; readonly id: bigint }
  | { readonly kind: "channel"; readonly id: bigint };

/** A basic group (https://core.telegram.org/api/channel#basic-groups). */
export interface BasicGroup {
  readonly id: bigint;
  readonly title: string;
  readonly creatorId: bigint;
  readonly date: number;
  readonly members: readonly {
    readonly userId: bigint;
    readonly inviterId: bigint;
    readonly date: number;
    readonly admin: boolean;
  }[];
  readonly version: number;
  readonly ttlPeriod: number | undefined;
}

/** A channel or a supergroup (megagroup). Members live in their own table (there may be 200,000). */
export interface Channel {
  readonly id: bigint;
  readonly accessHash: bigint;
  readonly title: string;
  readonly about: string;
  readonly megagroup: boolean;
  readonly creatorId: bigint;
  readonly date: number;
  readonly username: string | undefined;
  readonly ttlPeriod: number | undefined;
  readonly memberCount: number;
  /** Members ever joined: the next join sequence number. */
  readonly joinSeq: number;
}

export type ChannelRole = "creator" | "admin" | "member" | "kicked" | "banned" | "left";

export interface ChannelMember {
  readonly userId: bigint;
  readonly role: ChannelRole;
  readonly inviterId: bigint | undefined;
  readonly date: number;
  /** Order of joining, for the "recent" filter. */
  readonly joinSeq: number;
}

/** What a service message says happened. */
export type ServiceAction =
  | { readonly kind: "chatCreate"; readonly title: string; readonly userIds: readonly bigint[] }
  | { readonly kind: "chatAddUser"; readonly userIds: readonly bigint[] }
  | { readonly kind: "chatDeleteUser"; readonly userId: bigint }
  | { readonly kind: "channelCreate"; readonly title: string }
  | { readonly kind: "setTtl"; readonly period: number };

export interface ForwardHeader {
  readonly from: PeerRef | undefined;
  readonly date: number;
  readonly channelPost: number | undefined;
}

/**
 * One copy of a message. Private and basic-group messages exist once per participant, each with the
 * id of its owner's box; channel messages exist once, with the channel's id.
 */
export interface Message {
  readonly id: number;
  /** Account that owns this copy, or undefined for a channel message. */
  readonly ownerId: bigint | undefined;
  readonly peer: PeerRef;
  /** Undefined for a broadcast channel post. */
  readonly fromId: bigint | undefined;
  readonly out: boolean;
  readonly date: number;
  readonly text: string;
  readonly entities: readonly TypeMessageEntity[] | undefined;
  readonly media: TypeMessageMedia | undefined;
  readonly replyMarkup: TypeReplyMarkup | undefined;
  readonly replyToId: number | undefined;
  readonly forward: ForwardHeader | undefined;
  /** The album this message belongs to (https://core.telegram.org/api/files#albums-grouped-media). */
  readonly groupedId?: bigint | undefined;
  readonly editDate: number | undefined;
  readonly ttlPeriod: number | undefined;
  readonly action: ServiceAction | undefined;
  readonly silent: boolean;
  readonly post: boolean;
}

/** One chat in an account's chat list. */
export interface Dialog {
  readonly peer: PeerRef;
  /** Newest message id of this dialog (for channels: the channel's newest when the row was written). */
  readonly topMessage: number;
  readonly topDate: number;
  readonly readInboxMaxId: number;
  readonly readOutboxMaxId: number;
  readonly pinnedOrder: number | undefined;
  /** Auto-delete timer of a private chat (groups keep theirs on the group). */
  readonly ttlPeriod: number | undefined;
}

/** Counters of one account (https://core.telegram.org/api/updates): its pts box, qts, seq, its message ids. */
export interface AccountBox {
  readonly pts: number;
  readonly qts: number;
  readonly seq: number;
  readonly date: number;
  readonly lastMessageId: number;
}

/** A pts event: what changed in one box. */
export type BoxEvent =
  | { readonly kind: "newMessage"; readonly message: Message }
  | { readonly kind: "editMessage"; readonly message: Message }
  | { readonly kind: "deleteMessages"; readonly ids: readonly number[] }
  | { readonly kind: "readInbox"; readonly peer: PeerRef; readonly maxId: number; readonly stillUnread: number }
  | { readonly kind: "readOutbox"; readonly peer: PeerRef; readonly maxId: number };

/** One entry of an update log: the event and the pts after it. */
export interface LogEntry {
  readonly pts: number;
  readonly ptsCount: number;
  readonly date: number;
  readonly event: BoxEvent;
}

/** Where updates go: the box of an account, or of a channel. */
export type BoxRef =
  { readonly kind: "account"; readonly id: bigint } | { readonly kind: "channel"; readonly id: bigint };
