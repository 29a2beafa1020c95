import type { TypeMessageEntity, TypeMessageMedia, TypeReplyMarkup } from "@mtkit/tl-core/api";
import type { ForwardHeader, ServiceAction } from "./types.js";

/** What a sender writes; the world makes the copies (ids, dates, out flags). */
export interface MessageDraft {
  readonly text: string;
  readonly entities?: readonly TypeMessageEntity[] | undefined;
  readonly media?: TypeMessageMedia | undefined;
  readonly replyMarkup?: TypeReplyMarkup | undefined;
  readonly replyToId?: number | undefined;
  /** Seconds after which the message deletes itself; default: the chat's auto-delete timer. */
  readonly ttlPeriod?: number | undefined;
  readonly silent?: boolean | undefined;
  /** A resend with the same random_id returns the first message instead of a second one. */
  readonly randomId?: bigint | undefined;
  readonly forward?: ForwardHeader | undefined;
  /** Shared by the messages of one album (messages.sendMultiMedia, https://core.telegram.org/api/files#albums-grouped-media). */
  readonly groupedId?: bigint | undefined;
  readonly action?: ServiceAction | undefined;
}
