/** Pushes of secret-chat updates to the online sessions of one account (https://core.telegram.org/api/updates). */
import type { TypeUpdate } from "@mtkit/tl-core/api";
import type { HandlerDeps } from "../handlers/handler-deps.js";
import { PeerSet } from "../wire/peer-set.js";
import type { RelayChat } from "./secret-relay.js";

/** An update without pts or qts (updateEncryption, typing, read): it takes the account's next seq. */
export function pushNotice(deps: HandlerDeps, accountId: bigint, update: TypeUpdate, chat: RelayChat): void {
  const peers = new PeerSet().addUser(chat.adminId).addUser(chat.participantId);
  deps.pusher.notice([accountId], () => ({ updates: [update], peers }));
}

/** updateNewEncryptedMessage: ordered by its qts, so it goes out with seq 0. */
export function pushQts(deps: HandlerDeps, accountId: bigint, update: TypeUpdate, date: number): void {
  deps.pusher.toAccount(accountId, () => deps.wire.updates(accountId, [update], new PeerSet(), date, 0));
}
