import type { RpcContext } from "../../api/rpc-context.js";
import { RpcError } from "../../api/rpc-error.js";
import type { TypeInputReplyTo, TypeUpdates } from "@mtkit/tl-core/api";
import type { MessageDraft } from "../../world/message-draft.js";
import type { Account, PeerRef } from "../../world/types.js";
import { act, requireAccount, type HandlerDeps } from "../handler-deps.js";
import { resolvePeer } from "../input-peers.js";
import { sendAsUpdates } from "./sent-updates.js";

/** messages.sendMessage (https://core.telegram.org/method/messages.sendMessage). */
export function registerSendHandlers(deps: HandlerDeps): void {
  deps.server.handle("messages.sendMessage", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const peer = resolvePeer(deps, self, request.peer);
    if (request.message.trim() === "") throw new RpcError(400, "MESSAGE_EMPTY");
    if (request.message.length > 4096) throw new RpcError(400, "MESSAGE_TOO_LONG");
    const draft: MessageDraft = {
      text: request.message,
      entities: request.entities,
      replyMarkup: request.replyMarkup,
      replyToId: replyToId(request.replyTo),
      silent: request.silent,
      randomId: request.randomId,
    };
    return sendDraft(deps, ctx, self, peer, draft, true);
  });
}

/** Sends one message and answers as Telegram does: updateShortSentMessage (private, basic group) or updates (channel, or `short` false). */
export function sendDraft(
  deps: HandlerDeps,
  ctx: RpcContext,
  self: Account,
  peer: PeerRef,
  draft: MessageDraft,
  short: boolean,
): TypeUpdates {
  const { world, wire } = deps;
  if (peer.kind === "channel") {
    const posted = act(deps, ctx, () => world.channels.post(self.id, peer.id, draft));
    return sendAsUpdates(deps, self.id, { kind: "channel", id: peer.id }, posted.entry, posted.message, draft.randomId);
  }
  const sent = act(deps, ctx, () => world.chatMessaging.send(self.id, peer, draft));
  if (short) {
    if (sent.entry !== undefined) return wire.sent(sent.entry);
    const box = world.boxes.account(self.id);
    return {
      _: "updateShortSentMessage",
      out: true,
      id: sent.message.id,
      pts: box.pts,
      ptsCount: 0,
      date: sent.message.date,
    };
  }
  return sendAsUpdates(deps, self.id, { kind: "account", id: self.id }, sent.entry, sent.message, draft.randomId);
}

export function replyToId(replyTo: TypeInputReplyTo | undefined): number | undefined {
  return replyTo?._ === "inputReplyToMessage" ? replyTo.replyToMsgId : undefined;
}
