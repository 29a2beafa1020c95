import type { TypeUpdate, TypeUpdates } from "@mtkit/tl-core/api";
import type { RpcContext } from "../api/rpc-context.js";
import type { UpdateFaults } from "../faults/update-faults.js";
import type { TestServer } from "../server/test-server.js";
import { PeerSet } from "../wire/peer-set.js";
import type { Wire } from "../wire/wire.js";
import type { BoxRef, LogEntry } from "../world/types.js";
import type { World } from "../world/world.js";
import type { WorldChange } from "../world/world-change.js";
import { seconds } from "../world/world-clock.js";
import type { Authorizations } from "./authorizations.js";
import { onlineSessions, type OnlineSession } from "./online-sessions.js";
import type { PushBacklog } from "./push-backlog.js";

/**
 * Turns world changes into pushed updates for every online session of the accounts concerned
 * (https://core.telegram.org/api/updates). The session whose call caused a change gets it in the
 * call's answer instead. Sessions that are offline get nothing: they read the box's log later.
 * Pts updates go out with seq 0 (their pts orders them); only updates without pts take a seq.
 */
export class UpdatePusher {
  private origin: { readonly dcId: number; readonly sessionId: bigint; readonly authKeyId: bigint } | undefined;

  constructor(
    private readonly server: TestServer,
    private readonly world: World,
    private readonly wire: Wire,
    private readonly authorizations: Authorizations,
    private readonly faults: UpdateFaults,
    /** Sessions that fell behind get updatesTooLong instead of more pushes. */
    readonly backlog: PushBacklog,
  ) {
    world.subscribe((change) => {
      this.onChange(change);
    });
  }

  /** Runs a world operation on behalf of the calling session, which is then left out of the pushes. */
  during<T>(ctx: RpcContext, operation: () => T): T {
    const outer = this.origin;
    this.origin = { dcId: ctx.dcId, sessionId: ctx.sessionId, authKeyId: ctx.authKeyId };
    try {
      return operation();
    } finally {
      this.origin = outer;
    }
  }

  /** Sends `build(session)` to every online session of one account (except the caller's, unless `includeOrigin`). */
  toAccount(accountId: bigint, build: (session: OnlineSession) => TypeUpdates, includeOrigin = false): void {
    for (const session of onlineSessions(this.server, this.authorizations, this.backlog)) {
      if (session.accountId !== accountId || (!includeOrigin && this.isOrigin(session))) continue;
      const updates = build(session);
      this.faults.route(() => {
        session.send(updates);
      });
    }
  }

  /**
   * Updates without pts for accounts: each takes the next seq of the account's box, and goes to every
   * session of it, the caller's included, so no session sees a seq gap.
   */
  notice(
    accountIds: readonly bigint[],
    build: (accountId: bigint) => { readonly updates: TypeUpdate[]; readonly peers: PeerSet },
  ): void {
    for (const accountId of accountIds) {
      const { updates, peers } = build(accountId);
      const seq = this.world.boxes.nextSeq(accountId);
      const body = this.wire.updates(accountId, updates, peers, seconds(this.world.env), seq);
      this.toAccount(accountId, () => body, true);
    }
  }

  /** The calling session fetched the difference: whatever it left unacknowledged no longer matters. */
  caughtUp(ctx: RpcContext): void {
    const dc = this.server.dcs.find((candidate) => candidate.id === ctx.dcId);
    const session = dc?.sessions.find(
      (candidate) => candidate.sessionId === ctx.sessionId && candidate.keyRecord.authKey.idLong === ctx.authKeyId,
    );
    if (session !== undefined) this.backlog.caughtUp(session);
  }

  private onChange(change: WorldChange): void {
    if (change.kind === "box") {
      if (change.box.kind === "account") this.pushAccountEntries(change.box, change.entries);
      else this.pushChannelEntries(change.box, change.entries);
    } else if (change.kind === "chatParticipants") {
      const chat = this.wire.lookup.basicGroup(change.chatId);
      if (chat === undefined) return;
      const peers = new PeerSet().add({ kind: "chat", id: chat.id });
      for (const member of chat.members) peers.addUser(member.userId);
      this.notice(change.accountIds, () => ({ updates: [this.wire.chatParticipantsChanged(chat)], peers }));
    } else {
      const peers = new PeerSet().add({ kind: "channel", id: change.channelId });
      this.notice(change.accountIds, () => ({ updates: [this.wire.channelChanged(change.channelId)], peers }));
    }
  }

  private pushAccountEntries(box: BoxRef, entries: readonly LogEntry[]): void {
    const single = entries.length === 1 ? this.wire.short(entries[0]!) : undefined;
    const date = seconds(this.world.env);
    this.toAccount(box.id, () => single ?? this.wire.entries(box.id, box, entries, date, 0));
  }

  /** A channel's events reach only its members that are online: one membership lookup per session. */
  private pushChannelEntries(box: BoxRef, entries: readonly LogEntry[]): void {
    const date = seconds(this.world.env);
    for (const session of onlineSessions(this.server, this.authorizations, this.backlog)) {
      if (this.isOrigin(session)) continue;
      const member = this.wire.lookup.member(box.id, session.accountId);
      if (member === undefined || member.role === "left" || member.role === "kicked" || member.role === "banned")
        continue;
      const updates = this.wire.entries(session.accountId, box, entries, date, 0);
      this.faults.route(() => {
        session.send(updates);
      });
    }
  }

  private isOrigin(session: OnlineSession): boolean {
    const origin = this.origin;
    return (
      origin?.dcId === session.dcId && origin.sessionId === session.sessionId && origin.authKeyId === session.authKeyId
    );
  }
}
