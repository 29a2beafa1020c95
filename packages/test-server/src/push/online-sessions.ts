import type { ServerSession } from "@mtkit/session";
import type { TypeUpdates } from "@mtkit/tl-core/api";
import { encodeResult } from "../api/rpc-dispatcher.js";
import type { TestServer } from "../server/test-server.js";
import type { Authorizations } from "./authorizations.js";

/** A session the server holds for a logged-in account (connected now, or its queue waits for the reconnect). */
export interface OnlineSession {
  readonly accountId: bigint;
  readonly dcId: number;
  readonly sessionId: bigint;
  readonly authKeyId: bigint;
  send(updates: TypeUpdates): void;
}

/**
 * The sessions of logged-in accounts, found by walking the DCs' session stores: O(sessions), never
 * O(members), which is what lets a post to a 200,000-member group cost only its online readers.
 */
export function onlineSessions(server: TestServer, authorizations: Authorizations): OnlineSession[] {
  const out: OnlineSession[] = [];
  for (const dc of server.dcs) {
    for (const session of dc.sessions) {
      const record = session.keyRecord;
      const permKeyId = record.expiresAt === undefined ? record.authKey.idLong : record.boundPermKeyId;
      if (permKeyId === undefined) continue;
      const accountId = authorizations.accountOf(dc.id, permKeyId);
      if (accountId === undefined) continue;
      out.push({
        accountId,
        dcId: dc.id,
        sessionId: session.sessionId,
        authKeyId: record.authKey.idLong,
        send: (updates) => {
          sendTo(session, updates, dc.keyInfo(record.authKey.idLong).layer);
          dc.deliver(session);
        },
      });
    }
  }
  return out;
}

/** Sends `updates` to every session of one (DC, permanent key), logged in or not (QR login waits logged out). */
export function sendToKey(server: TestServer, dcId: number, permAuthKeyId: bigint, updates: TypeUpdates): number {
  let sent = 0;
  for (const dc of server.dcs) {
    if (dc.id !== dcId) continue;
    for (const session of dc.sessions) {
      const record = session.keyRecord;
      const permKeyId = record.expiresAt === undefined ? record.authKey.idLong : record.boundPermKeyId;
      if (permKeyId !== permAuthKeyId) continue;
      sendTo(session, updates, dc.keyInfo(record.authKey.idLong).layer);
      dc.deliver(session);
      sent++;
    }
  }
  return sent;
}

/** Queued in the layer the session's key announced (each client reads only its own layer). */
function sendTo(session: ServerSession, updates: TypeUpdates, layer: number | undefined): void {
  session.queue(encodeResult(updates, layer), true, false);
}
