import type { Account, AccountBox, BasicGroup, Channel, ChannelMember, Dialog, LogEntry, Message } from "./types.js";

/** Every table of the world and what its rows are (groups and keys in the comments). */
export interface WorldTables {
  /** "" / user id. */
  accounts: Account;
  /** "phone" | "username" | "token" / value -> account or channel id. */
  lookups: { readonly kind: "user" | "channel"; readonly id: bigint };
  /** account id / contact user id. */
  contacts: { readonly userId: bigint; readonly firstName: string; readonly lastName: string };
  /** account id / "" -> counters; "channel" / channel id -> channel pts. */
  boxes: AccountBox;
  channelPts: { readonly pts: number };
  /** "a<account id>" or "c<channel id>" / pts -> the log of that box. */
  log: LogEntry;
  /** "a<account>:<peer key>" or "c<channel>" / message id. */
  messages: Message;
  /** "<sender id>:<sender's message id>" / owner id -> every copy of one private or basic-group message. */
  copies: { readonly ownerId: bigint; readonly id: number };
  /** account id / message id -> peer key of the message (for lookups by id alone). */
  messagePeers: { readonly peerKey: string; readonly shared: string };
  /** account id / random_id -> message ids sent with it. */
  randomIds: { readonly ids: readonly number[] };
  /** account id / peer key. */
  dialogs: Dialog;
  /** "" / chat id. */
  chats: BasicGroup;
  /** "" / channel id. */
  channels: Channel;
  /** channel id / user id. */
  members: ChannelMember;
  /** channel id / join sequence -> user id. */
  memberOrder: { readonly userId: bigint };
  /** "" / counter name. */
  counters: { readonly value: number };
  /** "" / "<dc>:<perm key id>" -> the account logged in on that key. */
  authorizations: { readonly userId: bigint };
  /** "" / "<when>:<box key>:<id>" -> a message due to disappear. */
  expiries: {
    readonly at: number;
    readonly boxKey: string;
    readonly ownerId: bigint | undefined;
    readonly peerKey: string;
    readonly id: number;
  };
}
