import type { ServerSession } from './server-session.js';

/** Server sessions by auth_key_id and session_id; they outlive connections. */
export class ServerSessionStore {
  private readonly sessions = new Map<string, ServerSession>();

  private static key(authKeyId: bigint, sessionId: bigint): string {
    return `${authKeyId}:${sessionId}`;
  }

  get(authKeyId: bigint, sessionId: bigint): ServerSession | undefined {
    return this.sessions.get(ServerSessionStore.key(authKeyId, sessionId));
  }

  add(session: ServerSession): void {
    this.sessions.set(ServerSessionStore.key(session.keyRecord.authKey.idLong, session.sessionId), session);
  }

  delete(authKeyId: bigint, sessionId: bigint): boolean {
    return this.sessions.delete(ServerSessionStore.key(authKeyId, sessionId));
  }

  get size(): number {
    return this.sessions.size;
  }
}
