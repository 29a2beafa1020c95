import type { TypeMessageEntity } from "@mtkit/tl-core/api";
import type { PeerRef } from "../peers/parse-peer-ref.js";
import { toTextWithEntities, type ParseMode } from "../text/to-text-with-entities.js";
import type { InputText } from "../text/text-with-entities.js";
import { withSignal, type ClientContext } from "./context.js";
import { indexChats, messageFromTl, type Message } from "./message.js";
import { resolveMentions } from "./resolve-mentions.js";
import { UnexpectedAnswerError } from "./unexpected-answer-error.js";

export interface EditMessageOptions {
  readonly entities?: readonly TypeMessageEntity[];
  readonly parseMode?: ParseMode;
  readonly noWebpage?: boolean;
  readonly signal?: AbortSignal;
}

/** messages.editMessage (https://core.telegram.org/method/messages.editMessage): new text for message `id`. */
export async function editMessage(
  ctx: ClientContext,
  peer: PeerRef,
  id: number,
  text: InputText,
  options: EditMessageOptions = {},
): Promise<Message> {
  const inputPeer = await ctx.peers.resolvePeer(peer, options.signal);
  const formatted = toTextWithEntities(text, options.parseMode, options.entities);
  const entities = await resolveMentions(ctx, formatted.entities, options.signal);
  const answer = await ctx.invoke(
    {
      _: "messages.editMessage",
      peer: inputPeer,
      id,
      message: formatted.text,
      noWebpage: options.noWebpage === true,
      entities,
    },
    withSignal(options.signal),
  );
  if (answer._ === "updates" || answer._ === "updatesCombined") {
    for (const update of answer.updates) {
      if ((update._ === "updateEditMessage" || update._ === "updateEditChannelMessage") && update.message.id === id) {
        const message = messageFromTl(update.message, indexChats(answer.chats), await ctx.selfId());
        if (message !== null) return message;
      }
    }
  }
  throw new UnexpectedAnswerError(
    "messages.editMessage",
    `no edited message ${String(id)} in the answer (${answer._})`,
  );
}
