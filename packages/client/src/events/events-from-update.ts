import type { TypeUpdate } from "@mtkit/tl-core/api";
import { markPeerId } from "../peers/marked-peer-id.js";
import { messageFromTl, type ChatIndex } from "../messages/message.js";
import type { UpdateEventMap } from "./update-events.js";

/** A named event derived from one update. */
export type DerivedEvent = {
  [N in keyof UpdateEventMap]: { readonly name: N; readonly event: UpdateEventMap[N] };
}[keyof UpdateEventMap];

/** The high-level event an update stands for, if any (https://core.telegram.org/api/updates). */
export function eventFromUpdate(update: TypeUpdate, chats: ChatIndex, selfId: number | null): DerivedEvent | null {
  switch (update._) {
    case "updateNewMessage":
    case "updateNewChannelMessage": {
      const message = messageFromTl(update.message, chats, selfId);
      return message === null ? null : { name: "newMessage", event: message };
    }
    case "updateEditMessage":
    case "updateEditChannelMessage": {
      const message = messageFromTl(update.message, chats, selfId);
      return message === null ? null : { name: "editMessage", event: message };
    }
    case "updateDeleteMessages":
      return { name: "deleteMessages", event: { ids: update.messages, chatId: null } };
    case "updateDeleteChannelMessages":
      return {
        name: "deleteMessages",
        event: { ids: update.messages, chatId: Number(markPeerId("channel", update.channelId)) },
      };
    default:
      return null;
  }
}

/**
 * True when the event of this update names this account: an outgoing private message without from_id,
 * whose sender is then us (messageFromTl). Only then does the dispatcher look up the account's id.
 */
export function needsSelfId(update: TypeUpdate): boolean {
  switch (update._) {
    case "updateNewMessage":
    case "updateNewChannelMessage":
    case "updateEditMessage":
    case "updateEditChannelMessage": {
      const message = update.message;
      return message._ !== "messageEmpty" && message.out === true && message.fromId === undefined;
    }
    default:
      return false;
  }
}
