import type { messages_TypeMessages, TypeChat, TypeMessage } from "@mtkit/tl-core/api";

export interface MessageList {
  readonly messages: readonly TypeMessage[];
  readonly chats: readonly TypeChat[];
  /** The server's total (slices and channel lists); null when the list is complete. */
  readonly count: number | null;
}

/** The four shapes of messages.Messages as one (https://core.telegram.org/type/messages.Messages). */
export function messageListOf(answer: messages_TypeMessages): MessageList {
  switch (answer._) {
    case "messages.messages":
      return { messages: answer.messages, chats: answer.chats, count: null };
    case "messages.messagesSlice":
    case "messages.channelMessages":
      return { messages: answer.messages, chats: answer.chats, count: answer.count };
    case "messages.messagesNotModified":
      return { messages: [], chats: [], count: answer.count };
  }
}
