import type { BasicGroups } from "./basic-groups.js";
import type { ChatMessaging, SentMessage } from "./chat-messaging.js";
import type { Channels } from "./channels.js";
import { parsePeerKey, userPeer } from "./peers.js";
import type { PeerRef } from "./types.js";
import { seconds } from "./world-clock.js";
import type { WorldParts } from "./world-parts.js";

/**
 * Auto-delete timers (https://core.telegram.org/api/ttl): a chat's timer (messages.setHistoryTTL)
 * applies to the messages sent after it; each message with a ttl_period really disappears when due,
 * announced like any deletion (updateDeleteMessages / updateDeleteChannelMessages).
 */
export class AutoDelete {
  constructor(
    private readonly parts: WorldParts,
    private readonly messaging: ChatMessaging,
    private readonly groups: BasicGroups,
    private readonly channels: Channels,
  ) {}

  /** Sets the timer of a chat (0 = off) and posts the service message. */
  setChatTtl(actorId: bigint, peer: PeerRef, period: number): SentMessage {
    const { dialogs, store, env } = this.parts;
    const ttl = period > 0 ? period : undefined;
    return store.transaction(() => {
      if (peer.kind === "user") {
        const date = seconds(env);
        dialogs.ensure(actorId, peer, date);
        dialogs.update(actorId, peer, (row) => ({ ...row, ttlPeriod: ttl }));
        dialogs.ensure(peer.id, userPeer(actorId), date);
        dialogs.update(peer.id, userPeer(actorId), (row) => ({ ...row, ttlPeriod: ttl }));
      } else if (peer.kind === "chat") {
        this.groups.requireMember(peer.id, actorId);
        this.groups.setTtl(peer.id, ttl);
      } else {
        this.channels.setTtl(actorId, peer.id, ttl);
      }
      const draft = { text: "", action: { kind: "setTtl" as const, period }, ttlPeriod: 0 };
      if (peer.kind === "channel") {
        const posted = this.channels.post(actorId, peer.id, draft);
        return { message: posted.message, entry: posted.entry, duplicate: false };
      }
      return this.messaging.send(actorId, peer, draft);
    });
  }

  /** Deletes every message due at `nowSeconds` (default: the world's clock); returns how many. */
  expireDue(nowSeconds = seconds(this.parts.env)): number {
    const { expiries, store } = this.parts;
    return store.transaction(() => {
      const due = expiries.takeDue(nowSeconds);
      for (const expiry of due) {
        if (expiry.ownerId !== undefined) this.messaging.delete(expiry.ownerId, [expiry.id], false);
        else this.channels.deleteAsSystem(parsePeerKey(expiry.peerKey).id, [expiry.id]);
      }
      return due.length;
    });
  }

  /** When the next message is due (seconds), if any. */
  nextDue(): number | undefined {
    return this.parts.expiries.next();
  }
}
