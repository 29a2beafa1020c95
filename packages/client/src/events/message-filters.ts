import type { ChatType, Message } from "../messages/message.js";
import type { Filter } from "./filter.js";

/** Messages others sent. */
export const incoming: Filter<Message, { readonly outgoing: false }> = (message) => !message.outgoing;

/** Messages this account sent (from any of its sessions). */
export const outgoing: Filter<Message, { readonly outgoing: true }> = (message) => message.outgoing;

/** Messages in chats of these kinds. */
export function chatType<const T extends ChatType>(...types: readonly T[]): Filter<Message, { readonly chatType: T }> {
  return (message) => (types as readonly ChatType[]).includes(message.chatType);
}

/** Messages in these chats (marked ids). */
export function chatId(...ids: readonly number[]): Filter<Message> {
  return (message) => ids.includes(message.chatId);
}

/** Messages from these senders (marked ids). */
export function senderId(...ids: readonly number[]): Filter<Message> {
  return (message) => message.senderId !== null && ids.includes(message.senderId);
}

/** Messages with text (not service messages, not media without a caption). */
export const hasText: Filter<Message> = (message) => message.text !== "";

/** Messages whose text matches; the match is attached as `match` (`lastIndex` is reset, so /g regexps work too). */
export function regex(pattern: RegExp): Filter<Message, { readonly match: RegExpExecArray }> {
  return (message) => {
    pattern.lastIndex = 0;
    const match = pattern.exec(message.text);
    return match === null ? false : { match };
  };
}
