// TODO(session): accept msgs_ack with an odd seq_no the way Telegram does, then delete this file.
import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import { decryptMessage, encryptMessage } from "@mtkit/mtproto-crypto";
import type { ServerKeyStore } from "@mtkit/session";

const MSGS_ACK = 0x62d6b459;
const MSG_CONTAINER = 0x73f1f8dc;
/** salt, session_id, msg_id, seq_no, length: https://core.telegram.org/mtproto/description#encrypted-message-encrypted-data */
const HEADER = 32;

/**
 * mtcute 0.30.3 sends msgs_ack as content-related (odd seq_no: `writeMessage` defaults to it).
 * Telegram accepts that; session's server role answers bad_msg_notification 34, after which mtcute
 * resets its session on every call. Until session is lenient, odd acks are made even here: the
 * packet is decrypted, the seq_no fixed, and re-encrypted with the same key (client direction).
 */
export function evenAckSeqNo(crypto: CryptoProvider, keys: ServerKeyStore, packet: Uint8Array): Uint8Array {
  if (packet.length < 8 + 16 + HEADER) return packet;
  const view = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);
  const record = keys.get(view.getBigInt64(0, true));
  if (record === undefined) return packet;
  let message;
  try {
    message = decryptMessage(crypto, record.authKey, packet, "client", { allowTransportPadding: true });
  } catch {
    return packet; // session reports the failure itself
  }
  const plaintext = message.plaintext.slice(0, HEADER + message.body.length);
  const data = new DataView(plaintext.buffer);
  let changed = fixAt(data, 24, HEADER);
  if (data.getUint32(HEADER, true) === MSG_CONTAINER && plaintext.length >= HEADER + 8) {
    const count = data.getInt32(HEADER + 4, true);
    let offset = HEADER + 8;
    for (let i = 0; i < count && offset + 16 <= plaintext.length; i++) {
      const length = data.getInt32(offset + 12, true);
      if (length < 0 || offset + 16 + length > plaintext.length) break;
      changed = fixAt(data, offset + 8, offset + 16) || changed;
      offset += 16 + length;
    }
  }
  return changed ? encryptMessage(crypto, record.authKey, plaintext, "client") : packet;
}

/** Makes the seq_no at `seqAt` even when the body at `bodyAt` is msgs_ack. */
function fixAt(data: DataView, seqAt: number, bodyAt: number): boolean {
  if (bodyAt + 4 > data.byteLength || data.getUint32(bodyAt, true) !== MSGS_ACK) return false;
  const seqNo = data.getInt32(seqAt, true);
  if (seqNo % 2 === 0) return false;
  data.setInt32(seqAt, seqNo - 1, true);
  return true;
}
