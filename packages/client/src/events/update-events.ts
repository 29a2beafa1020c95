import type { TypeChat, TypeUpdate, TypeUser } from "@mtkit/tl-core/api";
import type { Message } from "../messages/message.js";
import type { DeliveredUpdates } from "../updates/update-sink.js";

/** Messages deleted. Telegram names the channel for channel deletions only; other ids are per account. */
export interface DeletedMessages {
  readonly ids: readonly number[];
  /** The channel or supergroup (marked id), or null for private chats and basic groups. */
  readonly chatId: number | null;
}

/** One update exactly as the server sent it, with the users and chats it mentions. */
export interface RawUpdateEvent {
  readonly update: TypeUpdate;
  readonly users: readonly TypeUser[];
  readonly chats: readonly TypeChat[];
  readonly source: DeliveredUpdates["source"];
}

/** What `client.on(name, ...)` and `client.iterUpdates(name, ...)` deliver, by event name. */
export interface UpdateEventMap {
  readonly newMessage: Message;
  readonly editMessage: Message;
  readonly deleteMessages: DeletedMessages;
  readonly rawUpdate: RawUpdateEvent;
}

export type UpdateEventName = keyof UpdateEventMap;
