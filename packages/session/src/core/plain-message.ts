import { MessageRejectedError } from "../errors.js";
import { readInt32LE, readInt64LE, writeInt32LE, writeInt64LE } from "@mtkit/mtproto-crypto/bytes";

/**
 * Unencrypted messages (auth-key creation only): https://core.telegram.org/mtproto/description#unencrypted-message
 * auth_key_id = 0 (8 bytes) | message_id (int64) | message_data_length (int32) | message_data
 */
export const PLAIN_HEADER_LENGTH = 20;

export function encodePlainMessage(msgId: bigint, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(PLAIN_HEADER_LENGTH + body.length);
  writeInt64LE(out, 8, msgId);
  writeInt32LE(out, 16, body.length);
  out.set(body, PLAIN_HEADER_LENGTH);
  return out;
}

export interface PlainMessage {
  readonly msgId: bigint;
  readonly body: Uint8Array;
}

/** True when the packet starts with a zero auth_key_id (it may be a plain message). */
export function isPlainPacket(packet: Uint8Array): boolean {
  return packet.length >= 8 && readInt64LE(packet, 0) === 0n;
}

export function decodePlainMessage(packet: Uint8Array): PlainMessage {
  if (packet.length < PLAIN_HEADER_LENGTH)
    throw new MessageRejectedError("TOO_SHORT", "plain message shorter than its header");
  if (readInt64LE(packet, 0) !== 0n) throw new MessageRejectedError("NOT_PLAIN", "auth_key_id is not zero");
  const msgId = readInt64LE(packet, 8);
  const length = readInt32LE(packet, 16);
  if (length < 0 || length > packet.length - PLAIN_HEADER_LENGTH) {
    throw new MessageRejectedError("BAD_LENGTH", `message_data_length ${length} exceeds the packet`, msgId);
  }
  return { msgId, body: packet.subarray(PLAIN_HEADER_LENGTH, PLAIN_HEADER_LENGTH + length) };
}
