/**
 * The secret-chat part of updates.getDifference (https://core.telegram.org/api/updates#secret-chats-qts):
 * encrypted messages after the client's qts go in new_encrypted_messages, and chats whose state
 * changed since the client's date come again as updateEncryption in other_updates.
 */
import type { TypeUpdate, updates_TypeDifference } from "@mtkit/tl-core/api";
import type { HandlerDeps } from "../handlers/handler-deps.js";
import { PeerSet } from "../wire/peer-set.js";
import { wireEncryptedChat } from "./encrypted-chat-wire.js";
import { secretRelayOf } from "./secret-relay.js";

export function withEncryptedMessages(
  deps: HandlerDeps,
  accountId: bigint,
  clientQts: number,
  clientDate: number,
  difference: updates_TypeDifference,
): updates_TypeDifference {
  if (difference._ === "updates.differenceTooLong") return difference;
  const relay = secretRelayOf(deps.world);
  const encrypted = relay.after(accountId, clientQts).map((entry) => entry.message);
  const notices: TypeUpdate[] = [];
  const peers = new PeerSet();
  for (const chat of relay.chats.values()) {
    if ((chat.adminId !== accountId && chat.participantId !== accountId) || chat.changedAt < clientDate) continue;
    notices.push({ _: "updateEncryption", chat: wireEncryptedChat(chat, accountId), date: chat.changedAt });
    peers.addUser(chat.adminId).addUser(chat.participantId);
  }
  if (encrypted.length === 0 && notices.length === 0) return difference;
  const { users, chats } = deps.wire.peers(accountId, peers);
  if (difference._ === "updates.differenceEmpty") {
    const box = deps.world.boxes.account(accountId);
    const state = deps.wire.state({ ...box, date: difference.date }, 0);
    return {
      _: "updates.difference",
      newMessages: [],
      newEncryptedMessages: encrypted,
      otherUpdates: notices,
      users,
      chats,
      state,
    };
  }
  return {
    ...difference,
    newEncryptedMessages: [...difference.newEncryptedMessages, ...encrypted],
    otherUpdates: [...difference.otherUpdates, ...notices],
    users: [...difference.users, ...users.filter((user) => !difference.users.some((known) => known.id === user.id))],
  };
}
