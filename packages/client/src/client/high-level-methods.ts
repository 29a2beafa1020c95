import type { TypeUser } from "@mtkit/tl-core/api";
import {
  addChatMembers,
  joinChat,
  leaveChat,
  setHistoryTtl,
  type AddChatMembersOptions,
  type MembershipOptions,
} from "../chats/membership.js";
import type { Chat } from "../chats/chat.js";
import {
  getChatMembers,
  iterChatMembers,
  type ChatMember,
  type ChatMembersPage,
  type GetChatMembersOptions,
  type IterChatMembersOptions,
} from "../chats/chat-members.js";
import {
  createChannel,
  createGroup,
  createSupergroup,
  type CreateChannelOptions,
  type CreateGroupOptions,
} from "../chats/create-chats.js";
import {
  getDialogs,
  iterDialogs,
  type Dialog,
  type DialogsPage,
  type GetDialogsOptions,
  type IterDialogsOptions,
} from "../chats/dialogs.js";
import type { UpdateDispatcher, UpdateHandler } from "../events/update-dispatcher.js";
import type { UpdateEventMap, UpdateEventName } from "../events/update-events.js";
import type { Filter } from "../events/filter.js";
import type { IterUpdatesOptions } from "../events/update-stream.js";
import type { ClientContext } from "../messages/context.js";
import { deleteMessages, type DeleteMessagesOptions } from "../messages/delete-messages.js";
import { editMessage, type EditMessageOptions } from "../messages/edit-message.js";
import { forwardMessages, type ForwardMessagesOptions } from "../messages/forward-messages.js";
import {
  getHistory,
  iterHistory,
  type GetHistoryOptions,
  type HistoryPage,
  type IterHistoryOptions,
} from "../messages/get-history.js";
import { getMessages, type GetMessagesOptions } from "../messages/get-messages.js";
import type { Message } from "../messages/message.js";
import { readHistory, type ReadHistoryOptions } from "../messages/read-history.js";
import { sendText, type SendTextOptions } from "../messages/send-text.js";
import type { PeerRef } from "../peers/parse-peer-ref.js";
import type { InputText } from "../text/text-with-entities.js";
import { loginWithQr, type QrLoginOptions } from "./login/qr-login.js";

/**
 * The methods users call (messages, chats, events, QR login), each a one-line delegation to a
 * function of `messages/`, `chats/`, `events/` or `login/` over the client's `ClientContext`.
 * The first of the method groups `TelegramClient` extends (then `FileMethods`, `AccountMethods`), so
 * its own file stays about connections.
 */
export abstract class HighLevelMethods {
  /** invoke + peers + self + randomness + sleep: what every feature function takes. */
  protected abstract get context(): ClientContext;
  protected abstract get dispatcher(): UpdateDispatcher;

  // ---- messages (https://core.telegram.org/api/messages) ----------------------------------------

  /** Sends text; a plain string is sent as written (use `html`/`md` or `parseMode` for formatting). */
  sendText(peer: PeerRef, text: InputText, options?: SendTextOptions): Promise<Message> {
    return sendText(this.context, peer, text, options);
  }

  editMessage(peer: PeerRef, id: number, text: InputText, options?: EditMessageOptions): Promise<Message> {
    return editMessage(this.context, peer, id, text, options);
  }

  /** Deletes for everyone by default (`revoke: true`); returns how many the server deleted. */
  deleteMessages(peer: PeerRef, ids: readonly number[], options?: DeleteMessagesOptions): Promise<number> {
    return deleteMessages(this.context, peer, ids, options);
  }

  forwardMessages(
    toPeer: PeerRef,
    fromPeer: PeerRef,
    ids: readonly number[],
    options?: ForwardMessagesOptions,
  ): Promise<Message[]> {
    return forwardMessages(this.context, toPeer, fromPeer, ids, options);
  }

  readHistory(peer: PeerRef, options?: ReadHistoryOptions): Promise<void> {
    return readHistory(this.context, peer, options);
  }

  /** By id, in the order asked; null for ids that name no message. */
  getMessages(peer: PeerRef, ids: readonly number[], options?: GetMessagesOptions): Promise<(Message | null)[]> {
    return getMessages(this.context, peer, ids, options);
  }

  /** One page, newest first, with the cursor of the next. */
  getHistory(peer: PeerRef, options?: GetHistoryOptions): Promise<HistoryPage> {
    return getHistory(this.context, peer, options);
  }

  iterHistory(peer: PeerRef, options?: IterHistoryOptions): AsyncGenerator<Message, void, undefined> {
    return iterHistory(this.context, peer, options);
  }

  // ---- chats (https://core.telegram.org/api/channel) --------------------------------------------

  getDialogs(options?: GetDialogsOptions): Promise<DialogsPage> {
    return getDialogs(this.context, options);
  }

  iterDialogs(options?: IterDialogsOptions): AsyncGenerator<Dialog, void, undefined> {
    return iterDialogs(this.context, options);
  }

  getChatMembers(chat: PeerRef, options?: GetChatMembersOptions): Promise<ChatMembersPage> {
    return getChatMembers(this.context, chat, options);
  }

  /** 200 members per request, paced; Telegram caps what a listing returns (see `getChatMembers`). */
  iterChatMembers(chat: PeerRef, options?: IterChatMembersOptions): AsyncGenerator<ChatMember, void, undefined> {
    return iterChatMembers(this.context, chat, options);
  }

  createGroup(options: CreateGroupOptions): Promise<Chat> {
    return createGroup(this.context, options);
  }

  createSupergroup(options: CreateChannelOptions): Promise<Chat> {
    return createSupergroup(this.context, options);
  }

  createChannel(options: CreateChannelOptions): Promise<Chat> {
    return createChannel(this.context, options);
  }

  /** Returns the ids of users Telegram could not add. */
  addChatMembers(chat: PeerRef, users: readonly PeerRef[], options?: AddChatMembersOptions): Promise<number[]> {
    return addChatMembers(this.context, chat, users, options);
  }

  /** A public channel/supergroup, or any chat by invite link. */
  joinChat(chat: PeerRef, options?: MembershipOptions): Promise<Chat> {
    return joinChat(this.context, chat, options);
  }

  leaveChat(chat: PeerRef, options?: MembershipOptions): Promise<void> {
    return leaveChat(this.context, chat, options);
  }

  /** The chat's auto-delete timer in seconds (0: off). */
  setHistoryTtl(peer: PeerRef, seconds: number, options?: MembershipOptions): Promise<void> {
    return setHistoryTtl(this.context, peer, seconds, options);
  }

  // ---- events -----------------------------------------------------------------------------------

  /** Runs `handler` for each event of this kind that passes `filter`; returns the unsubscribe function. */
  on<N extends UpdateEventName, Add extends object = object>(
    name: N,
    handler: UpdateHandler<UpdateEventMap[N] & Add>,
    filter?: Filter<UpdateEventMap[N], Add>,
  ): () => void {
    return this.dispatcher.on(name, handler, filter);
  }

  /** `for await (const message of client.iterUpdates("newMessage", { filter, signal }))`. */
  iterUpdates<N extends UpdateEventName, Add extends object = object>(
    name: N,
    options?: IterUpdatesOptions<UpdateEventMap[N], Add>,
  ): AsyncIterableIterator<UpdateEventMap[N] & Add> {
    return this.dispatcher.iterUpdates(name, options);
  }

  // ---- QR login (https://core.telegram.org/api/qr-login) ------------------------------------------

  /** Logs in by QR code: shows `tg://login?token=...` through `onToken` until another app accepts it. */
  loginWithQr(options: QrLoginOptions): Promise<TypeUser> {
    return loginWithQr(this.qrHost(), options);
  }

  protected abstract qrHost(): Parameters<typeof loginWithQr>[0];
}
