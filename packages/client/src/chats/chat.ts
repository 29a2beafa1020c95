import type { TypeChat, TypeUpdates } from "@mtkit/tl-core/api";
import { markPeerId } from "../peers/marked-peer-id.js";
import type { ChatType } from "../messages/message.js";
import { UnexpectedAnswerError } from "../messages/unexpected-answer-error.js";

/** A group or channel as a plain object; `id` is the Bot API (marked) id, `raw` the TL chat. */
export interface Chat {
  readonly id: number;
  readonly type: Exclude<ChatType, "private">;
  readonly title: string;
  readonly raw: TypeChat;
}

export function chatFromTl(raw: TypeChat): Chat | null {
  switch (raw._) {
    case "chat":
    case "chatForbidden":
      return { id: Number(markPeerId("chat", raw.id)), type: "group", title: raw.title, raw };
    case "channel":
    case "channelForbidden":
      return {
        id: Number(markPeerId("channel", raw.id)),
        type: raw.megagroup === true ? "supergroup" : "channel",
        title: raw.title,
        raw,
      };
    default:
      return null;
  }
}

/** The chats carried by an Updates answer (the short forms carry none). */
export function chatsOfUpdates(updates: TypeUpdates): readonly TypeChat[] {
  return updates._ === "updates" || updates._ === "updatesCombined" ? updates.chats : [];
}

/** The one chat a create/join answer is about. */
export function chatOfUpdates(updates: TypeUpdates, method: string): Chat {
  for (const raw of chatsOfUpdates(updates)) {
    const chat = chatFromTl(raw);
    if (chat !== null) return chat;
  }
  throw new UnexpectedAnswerError(method, `no chat in the answer (${updates._})`);
}
