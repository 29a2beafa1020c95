/**
 * Relaying encrypted messages (https://core.telegram.org/api/end-to-end#sending-encrypted-messages):
 * sendEncrypted / sendEncryptedService / sendEncryptedFile put the opaque bytes in the other
 * member's qts queue and push updateNewEncryptedMessage; readEncryptedHistory and
 * setEncryptedTyping are relayed as notices; receivedQueue confirms delivery up to a qts.
 */
import type { TypeEncryptedFile, TypeEncryptedMessage, TypeInputEncryptedChat } from "@mtkit/tl-core/api";
import type { RpcContext } from "../api/rpc-context.js";
import { RpcError } from "../api/rpc-error.js";
import { requireAccount, type HandlerDeps } from "../handlers/handler-deps.js";
import { encryptedFileHostOf } from "./encrypted-file-host.js";
import { otherSide, resolveEncryptedChat } from "./secret-chat-handlers.js";
import { pushNotice, pushQts } from "./secret-push.js";
import { secretRelayOf } from "./secret-relay.js";

/** Larger than any layer-144 message with a 4096-character text and its padding. */
export const MAX_ENCRYPTED_BYTES = 64 * 1024;

interface Relayed {
  readonly peer: TypeInputEncryptedChat;
  readonly randomId: bigint;
  readonly data: Uint8Array;
}

interface Sent {
  readonly date: number;
  readonly file: TypeEncryptedFile;
}

function relayMessage(
  deps: HandlerDeps,
  ctx: RpcContext,
  request: Relayed,
  service: boolean,
  attach?: () => TypeEncryptedFile,
): Sent {
  const relay = secretRelayOf(deps.world);
  const self = requireAccount(deps, ctx);
  const chat = resolveEncryptedChat(relay, self, request.peer);
  if (chat.state !== "ready") throw new RpcError(400, "ENCRYPTION_DECLINED");
  // key_fingerprint (8) + msg_key (16) + at least one AES block, whole blocks only.
  if (request.data.length < 40 || (request.data.length - 24) % 16 !== 0 || request.data.length > MAX_ENCRYPTED_BYTES) {
    throw new RpcError(400, "DATA_INVALID");
  }
  const key = `${chat.id}:${request.randomId}`;
  const digest = Buffer.from(deps.crypto.sha256(request.data)).toString("hex");
  const seen = relay.sentRandomIds.get(key);
  // The same bytes again are a retried call, answered once. The same random_id with other bytes is
  // a resend the peer asked for (https://core.telegram.org/api/end-to-end/seq_no): re-encrypted, so
  // it must reach the peer again, or a lost message could never be recovered.
  if (seen?.digest === digest) return seen;
  const date = relay.now();
  // The file is stored only once the message is known to be new and valid.
  const file = attach?.() ?? { _: "encryptedFileEmpty" };
  relay.sentRandomIds.set(key, { date, file, digest });
  const to = otherSide(chat, self.id);
  const common = { randomId: request.randomId, chatId: chat.id, date, bytes: request.data };
  const message: TypeEncryptedMessage = service
    ? { _: "encryptedMessageService", ...common }
    : { _: "encryptedMessage", ...common, file };
  const queued = relay.enqueue(to, () => message);
  deps.pusher.during(ctx, () => {
    pushQts(deps, to, { _: "updateNewEncryptedMessage", message, qts: queued.qts }, date);
  });
  return { date, file };
}

export function registerSecretMessageHandlers(deps: HandlerDeps): void {
  const { server, world } = deps;
  const relay = secretRelayOf(world);

  const sentMessage = ({ date }: Sent) => ({ _: "messages.sentEncryptedMessage" as const, date });
  server.handle("messages.sendEncrypted", (request, ctx) => sentMessage(relayMessage(deps, ctx, request, false)));
  server.handle("messages.sendEncryptedService", (request, ctx) => sentMessage(relayMessage(deps, ctx, request, true)));
  server.handle("messages.sendEncryptedFile", (request, ctx) => {
    const input = request.file;
    if (input._ === "inputEncryptedFileEmpty") return sentMessage(relayMessage(deps, ctx, request, false));
    // The files module keeps the parts (installFiles); without it the server has nowhere to put them.
    const host = encryptedFileHostOf(deps.server);
    if (host === undefined) throw new RpcError(400, "FILE_NOT_SUPPORTED");
    const sent = relayMessage(deps, ctx, request, false, () => host.store(input, ctx));
    return { _: "messages.sentEncryptedFile" as const, date: sent.date, file: sent.file };
  });

  server.handle("messages.readEncryptedHistory", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const chat = resolveEncryptedChat(relay, self, request.peer);
    deps.pusher.during(ctx, () => {
      const update = {
        _: "updateEncryptedMessagesRead",
        chatId: chat.id,
        maxDate: request.maxDate,
        date: relay.now(),
      } as const;
      pushNotice(deps, otherSide(chat, self.id), update, chat);
    });
    return true;
  });

  server.handle("messages.setEncryptedTyping", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    const chat = resolveEncryptedChat(relay, self, request.peer);
    if (request.typing) {
      deps.pusher.during(ctx, () => {
        pushNotice(deps, otherSide(chat, self.id), { _: "updateEncryptedChatTyping", chatId: chat.id }, chat);
      });
    }
    return true;
  });

  server.handle("messages.receivedQueue", (request, ctx) => {
    const self = requireAccount(deps, ctx);
    relay.confirm(self.id, request.maxQts);
    return [];
  });
}
