import { writeInt32LE, writeInt64LE } from "@mtkit/mtproto-crypto/bytes";

/**
 * The plaintext of an encrypted message before padding (mtproto-crypto pads and encrypts it):
 * salt (8) | sessionId (8) | msg_id (8) | seq_no (4) | message_data_length (4) | data
 * https://core.telegram.org/mtproto/description#encrypted-message-encrypted-data
 */
export const ENVELOPE_HEADER_LENGTH = 32;

export interface Envelope {
  readonly salt: bigint;
  readonly sessionId: bigint;
  readonly msgId: bigint;
  readonly seqNo: number;
  readonly body: Uint8Array;
}

export function encodeEnvelope(envelope: Envelope): Uint8Array {
  const { body } = envelope;
  const out = new Uint8Array(ENVELOPE_HEADER_LENGTH + body.length);
  writeInt64LE(out, 0, envelope.salt);
  writeInt64LE(out, 8, envelope.sessionId);
  writeInt64LE(out, 16, envelope.msgId);
  writeInt32LE(out, 24, envelope.seqNo);
  writeInt32LE(out, 28, body.length);
  out.set(body, ENVELOPE_HEADER_LENGTH);
  return out;
}
