import type { TypeInputReplyTo, TypeMessageEntity } from "@mtkit/tl-core/api";
import type { PeerRef } from "../peers/parse-peer-ref.js";
import { toTextWithEntities, type ParseMode } from "../text/to-text-with-entities.js";
import type { InputText } from "../text/text-with-entities.js";
import { withSignal, type ClientContext } from "./context.js";
import { resolveMentions } from "./resolve-mentions.js";
import type { Message } from "./message.js";
import { sentTextMessage } from "./sent-messages.js";

export interface SendTextOptions {
  /** Reply to this message id in the same chat. */
  readonly replyTo?: number;
  /** Added to the text's own entities (offsets in UTF-16 code units). */
  readonly entities?: readonly TypeMessageEntity[];
  /** How to read a plain string. Without it a string is sent exactly as written. */
  readonly parseMode?: ParseMode;
  /** Deliver without a notification sound. */
  readonly silent?: boolean;
  /** Do not show a link preview. */
  readonly noWebpage?: boolean;
  readonly signal?: AbortSignal;
}

export function replyToHeader(replyTo: number | undefined): TypeInputReplyTo | undefined {
  return replyTo === undefined ? undefined : { _: "inputReplyToMessage", replyToMsgId: replyTo };
}

/**
 * messages.sendMessage (https://core.telegram.org/method/messages.sendMessage) with a fresh
 * random_id, so a resend after a lost answer is recognised by the server and never makes a
 * second message. Returns the message as the server stored it.
 */
export async function sendText(
  ctx: ClientContext,
  peer: PeerRef,
  text: InputText,
  options: SendTextOptions = {},
): Promise<Message> {
  const inputPeer = await ctx.peers.resolvePeer(peer, options.signal);
  const formatted = toTextWithEntities(text, options.parseMode, options.entities);
  const entities = await resolveMentions(ctx, formatted.entities, options.signal);
  const randomId = ctx.randomId();
  const answer = await ctx.invoke(
    {
      _: "messages.sendMessage",
      peer: inputPeer,
      message: formatted.text,
      randomId,
      silent: options.silent === true,
      noWebpage: options.noWebpage === true,
      replyTo: replyToHeader(options.replyTo),
      entities: entities.length === 0 ? undefined : entities,
    },
    withSignal(options.signal),
  );
  const sent = {
    peer: inputPeer,
    text: formatted.text,
    entities,
    replyToId: options.replyTo,
    silent: options.silent === true,
  };
  return sentTextMessage(answer, sent, randomId, await ctx.selfId());
}
