/**
 * A relayed chat as each side sees it (https://core.telegram.org/api/end-to-end#sending-a-request):
 * the participant gets encryptedChatRequested with g_a, then encryptedChat with g_a; the admin gets
 * encryptedChatWaiting, then encryptedChat with g_b; both get encryptedChatDiscarded at the end.
 */
import type { TypeEncryptedChat } from "@mtkit/tl-core/api";
import type { RelayChat } from "./secret-relay.js";

export function wireEncryptedChat(chat: RelayChat, viewerId: bigint): TypeEncryptedChat {
  const head = {
    id: chat.id,
    accessHash: chat.accessHash,
    date: chat.date,
    adminId: chat.adminId,
    participantId: chat.participantId,
  };
  if (chat.state === "discarded")
    return { _: "encryptedChatDiscarded", id: chat.id, ...(chat.historyDeleted ? { historyDeleted: true } : {}) };
  if (chat.state === "waiting") {
    return viewerId === chat.adminId
      ? { _: "encryptedChatWaiting", ...head }
      : { _: "encryptedChatRequested", ...head, gA: chat.gA };
  }
  const gAOrB = viewerId === chat.adminId ? (chat.gB ?? new Uint8Array(0)) : chat.gA;
  return { _: "encryptedChat", ...head, gAOrB, keyFingerprint: chat.keyFingerprint ?? 0n };
}
