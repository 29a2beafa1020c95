import type { AnswerCacheLimits } from "./answer-cache.js";
import type { ServerSession } from "./server-session.js";

/** Bounds on what a DC's server sessions may hold; every session_id a client invents costs memory. */
export interface ServerSessionStoreOptions {
  /** Sessions one auth key may hold; past it the key's least recently used session is forgotten. Default 64. */
  readonly maxSessionsPerKey?: number;
  /** Sessions in the whole store; past it the least recently used one is forgotten. Default 10 000. */
  readonly maxSessions?: number;
  /** Cached answers per session (for resends until the client acknowledges them). */
  readonly answers?: AnswerCacheLimits;
}

export const DEFAULT_MAX_SESSIONS_PER_KEY = 64;
export const DEFAULT_MAX_SESSIONS = 10_000;

/**
 * Server sessions by auth_key_id and session_id; they outlive connections. A client picks its
 * session_id, so one that sends every message under a new id would grow the store without end:
 * it is bounded per key and in total, and the least recently used session goes first. Forgetting
 * a session is what the protocol expects of a server: the client's next message with that
 * session_id gets new_session_created, https://core.telegram.org/mtproto/service_messages#new-session-creation-notification
 */
export class ServerSessionStore {
  /** Every session, least recently used first (a Set keeps insertion order; use re-inserts). */
  private readonly byUse = new Set<ServerSession>();
  private readonly byKey = new Map<bigint, Map<bigint, ServerSession>>();
  readonly maxSessionsPerKey: number;
  readonly maxSessions: number;
  readonly answerLimits: AnswerCacheLimits;
  private forgottenMsgIdFloor = 0n;

  constructor(options: ServerSessionStoreOptions = {}) {
    this.maxSessionsPerKey = positiveLimit(
      "maxSessionsPerKey",
      options.maxSessionsPerKey ?? DEFAULT_MAX_SESSIONS_PER_KEY,
    );
    this.maxSessions = positiveLimit("maxSessions", options.maxSessions ?? DEFAULT_MAX_SESSIONS);
    const answers = options.answers ?? {};
    if (answers.maxAnswers !== undefined) positiveLimit("answers.maxAnswers", answers.maxAnswers);
    if (answers.maxBytes !== undefined) positiveLimit("answers.maxBytes", answers.maxBytes);
    this.answerLimits = answers;
  }

  /** The session, marked as just used; undefined if unknown or forgotten. */
  get(authKeyId: bigint, sessionId: bigint): ServerSession | undefined {
    const session = this.byKey.get(authKeyId)?.get(sessionId);
    if (session !== undefined) this.markUsed(session);
    return session;
  }

  /** Adds a new session; returns the sessions forgotten to stay within the bounds (already closed). */
  add(session: ServerSession): ServerSession[] {
    const keyId = session.keyRecord.authKey.idLong;
    const previous = this.byKey.get(keyId)?.get(session.sessionId);
    if (previous !== undefined && previous !== session) this.evict(previous);
    let sessions = this.byKey.get(keyId);
    if (sessions === undefined) {
      sessions = new Map();
      this.byKey.set(keyId, sessions);
    }
    sessions.set(session.sessionId, session);
    this.markUsed(session);
    const evicted: ServerSession[] = [];
    while (sessions.size > this.maxSessionsPerKey) evicted.push(this.evict(sessions.values().next().value!));
    while (this.byUse.size > this.maxSessions) evicted.push(this.evict(this.byUse.values().next().value!));
    return evicted;
  }

  /** Forgets a session (destroy_session); false if there was none. */
  delete(authKeyId: bigint, sessionId: bigint): boolean {
    const session = this.byKey.get(authKeyId)?.get(sessionId);
    if (session === undefined) return false;
    this.evict(session);
    return true;
  }

  /** Forgets every session of a key (the key was destroyed or expired); returns how many. */
  deleteKey(authKeyId: bigint): number {
    const sessions = [...(this.byKey.get(authKeyId)?.values() ?? [])];
    for (const session of sessions) this.evict(session);
    return sessions.length;
  }

  /** How many sessions one key holds. */
  countFor(authKeyId: bigint): number {
    return this.byKey.get(authKeyId)?.size ?? 0;
  }

  /** Every session, least recently used first. */
  values(): ServerSession[] {
    return [...this.byUse];
  }

  /**
   * The highest msg_id a forgotten session sent: a session opened again under the same session_id
   * must continue above it (ServerSession.startAbove), or its client would drop the repeated ids.
   */
  get msgIdFloor(): bigint {
    return this.forgottenMsgIdFloor;
  }

  get size(): number {
    return this.byUse.size;
  }

  private markUsed(session: ServerSession): void {
    this.byUse.delete(session);
    this.byUse.add(session);
    const sessions = this.byKey.get(session.keyRecord.authKey.idLong);
    if (sessions !== undefined) {
      sessions.delete(session.sessionId);
      sessions.set(session.sessionId, session);
    }
  }

  private evict(session: ServerSession): ServerSession {
    const keyId = session.keyRecord.authKey.idLong;
    const sessions = this.byKey.get(keyId);
    sessions?.delete(session.sessionId);
    if (sessions?.size === 0) this.byKey.delete(keyId);
    this.byUse.delete(session);
    if (session.lastMsgId > this.forgottenMsgIdFloor) this.forgottenMsgIdFloor = session.lastMsgId;
    session.close();
    return session;
  }
}

function positiveLimit(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}
