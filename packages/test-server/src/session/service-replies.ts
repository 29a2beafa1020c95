// TODO(move to session): encoders for the service messages the server role sends
// (https://core.telegram.org/mtproto/service_messages, /service_messages_about_messages).
import { TlBytesWriter } from "../wire/tl-writer.js";
import type { FutureSalt } from "./salt-schedule.js";
import { ServiceIds } from "./service-ids.js";

export function pong(msgId: bigint, pingId: bigint): Uint8Array {
  return new TlBytesWriter().id(ServiceIds.pong).long(msgId).long(pingId).finish();
}

export function futureSalts(reqMsgId: bigint, now: number, salts: readonly FutureSalt[]): Uint8Array {
  const w = new TlBytesWriter().id(ServiceIds.futureSalts).long(reqMsgId).int(now).int(salts.length);
  // `vector<future_salt>`: a bare vector of bare future_salt, so no constructor ids at all.
  for (const salt of salts) w.int(salt.validSince).int(salt.validUntil).long(salt.salt);
  return w.finish();
}

export function newSessionCreated(firstMsgId: bigint, uniqueId: bigint, serverSalt: bigint): Uint8Array {
  return new TlBytesWriter().id(ServiceIds.newSessionCreated).long(firstMsgId).long(uniqueId).long(serverSalt).finish();
}

export function badServerSalt(badMsgId: bigint, badSeqNo: number, newSalt: bigint): Uint8Array {
  return new TlBytesWriter().id(ServiceIds.badServerSalt).long(badMsgId).int(badSeqNo).int(48).long(newSalt).finish();
}

/** Codes: https://core.telegram.org/mtproto/service_messages_about_messages#notice-of-ignored-error-message */
export function badMsgNotification(badMsgId: bigint, badSeqNo: number, errorCode: number): Uint8Array {
  return new TlBytesWriter().id(ServiceIds.badMsgNotification).long(badMsgId).int(badSeqNo).int(errorCode).finish();
}

export function msgsStateInfo(reqMsgId: bigint, info: Uint8Array): Uint8Array {
  return new TlBytesWriter().id(ServiceIds.msgsStateInfo).long(reqMsgId).bytes(info).finish();
}

export function rpcResult(reqMsgId: bigint, result: Uint8Array): Uint8Array {
  return new TlBytesWriter().id(ServiceIds.rpcResult).long(reqMsgId).raw(result).finish();
}

export function rpcError(code: number, message: string): Uint8Array {
  return new TlBytesWriter().id(ServiceIds.rpcError).int(code).string(message).finish();
}

export function bareConstructor(id: number): Uint8Array {
  return new TlBytesWriter().id(id).finish();
}

export function destroySessionResult(found: boolean, sessionId: bigint): Uint8Array {
  const id = found ? ServiceIds.destroySessionOk : ServiceIds.destroySessionNone;
  return new TlBytesWriter().id(id).long(sessionId).finish();
}
