// TODO(move to session): plain (unencrypted) message framing for the server role.
import { TlBytesReader, WireError } from "../wire/tl-reader.js";
import { TlBytesWriter } from "../wire/tl-writer.js";

/** `auth_key_id = 0 (8) | msg_id (8) | length (4) | body` (https://core.telegram.org/mtproto/description#unencrypted-message). */
export function readPlainMessage(packet: Uint8Array): { msgId: bigint; body: Uint8Array } {
  const reader = new TlBytesReader(packet);
  if (reader.long() !== 0n) throw new WireError("UNEXPECTED_CONSTRUCTOR", 0, "auth_key_id is not 0");
  const msgId = reader.long();
  const length = reader.int();
  if (length < 0 || length > reader.remaining) throw new WireError("BAD_LENGTH", 16, `plain body of ${length} bytes`);
  return { msgId, body: reader.raw(length) };
}

export function writePlainMessage(msgId: bigint, body: Uint8Array): Uint8Array {
  return new TlBytesWriter().long(0n).long(msgId).int(body.length).raw(body).finish();
}

export function isPlainPacket(packet: Uint8Array): boolean {
  return packet.length >= 8 && packet.subarray(0, 8).every((byte) => byte === 0);
}
