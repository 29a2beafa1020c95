// TODO(move to session): the server role's checks on an incoming encrypted packet.
import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import { decryptMessage, readInt64LE } from "@mtkit/mtproto-crypto";
import type { AuthKeyRecord } from "./auth-key-record.js";
import { processMessage, type ProcessorHooks } from "./message-processor.js";
import { ServerSession, type SessionDeps } from "./server-session.js";
import type { SessionLink } from "./session-link.js";
import * as reply from "./service-replies.js";

export interface InboxDeps extends SessionDeps, ProcessorHooks {
  readonly crypto: CryptoProvider;
  findKey(authKeyId: bigint): AuthKeyRecord | undefined;
}

/** Why a packet was not processed; the connection layer maps these to -404 or a close. */
export type InboxOutcome = "ok" | "unknown-key" | "undecryptable";

/**
 * Receives one encrypted packet (https://core.telegram.org/mtproto/description): finds the key
 * (unknown -> -404), decrypts with every Security Guidelines check, then checks salt and msg_id
 * and hands the message to the processor under the right session.
 */
export function receiveEncrypted(deps: InboxDeps, packet: Uint8Array, link: SessionLink): InboxOutcome {
  if (packet.length < 8) return "undecryptable";
  const record = deps.findKey(readInt64LE(packet, 0));
  const now = deps.nowSeconds();
  if (record === undefined || (record.expiresAt !== undefined && record.expiresAt <= now)) return "unknown-key";
  let message;
  try {
    message = decryptMessage(deps.crypto, record.authKey, packet, "client", { allowTransportPadding: true });
  } catch {
    return "undecryptable";
  }
  const { msgId, seqNo, sessionId, body } = message;
  let session = record.sessions.get(sessionId);
  const isNewSession = session === undefined;
  session ??= new ServerSession(sessionId, record, deps);
  session.link = link;

  if (record.forceBadSalt || !record.salts.isValid(message.salt, now)) {
    if (record.forceBadSalt) {
      record.forceBadSalt = false;
      record.salts.rotateNow(now);
    }
    // bad_server_salt is exempt from the session's content (https://core.telegram.org/mtproto/service_messages_about_messages).
    session.send({ body: reply.badServerSalt(msgId, seqNo, record.salts.current(now)), contentRelated: false, isResponse: true });
    return "ok";
  }
  const badMsgCode = checkMsgId(msgId, now);
  if (badMsgCode !== undefined) {
    session.send({ body: reply.badMsgNotification(msgId, seqNo, badMsgCode), contentRelated: false, isResponse: true });
    return "ok";
  }
  if (!session.seen.accept(msgId)) return "ok"; // replay: drop silently
  if (isNewSession) {
    record.sessions.set(sessionId, session);
    const salt = record.salts.current(now);
    session.queue({ body: reply.newSessionCreated(msgId, deps.randomLong(), salt), contentRelated: true, isResponse: false });
  }
  try {
    processMessage(deps, session, msgId, seqNo, body);
  } finally {
    session.flush();
  }
  return "ok";
}

/**
 * Codes of https://core.telegram.org/mtproto/service_messages_about_messages: 18 = low bits wrong
 * (client ids are divisible by 4), 16 = more than 300 s in the past, 17 = more than 30 s ahead.
 */
function checkMsgId(msgId: bigint, nowSeconds: number): number | undefined {
  if (msgId % 4n !== 0n) return 18;
  const seconds = Number(msgId >> 32n);
  if (seconds < nowSeconds - 300) return 16;
  if (seconds > nowSeconds + 30) return 17;
  return undefined;
}
