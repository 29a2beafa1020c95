/**
 * Sequence numbers of secret chats (https://core.telegram.org/api/end-to-end/seq_no). Raw counters
 * start at 0 and grow by one per message sent / received and processed; on the wire they are
 * 2 * raw + x, where x makes the parity differ between the two directions (so a mirrored message
 * is caught): a message from the chat's originator carries in_seq_no even and out_seq_no odd, a
 * message from the responder the opposite.
 */
import type { SecretChatRole } from "@mtkit/mtproto-crypto";
import { SecretChatProtocolError } from "./secret-chat-error.js";

function outParity(sender: SecretChatRole): number {
  return sender === "originator" ? 1 : 0;
}

function inParity(sender: SecretChatRole): number {
  return sender === "originator" ? 0 : 1;
}

/** The (in_seq_no, out_seq_no) to put on a message we send. */
export function wireSeqNumbers(
  sender: SecretChatRole,
  rawIn: number,
  rawOut: number,
): { inSeqNo: number; outSeqNo: number } {
  return { inSeqNo: 2 * rawIn + inParity(sender), outSeqNo: 2 * rawOut + outParity(sender) };
}

/** Raw numbers of a received message; a parity mismatch is a protocol violation (the spec says abort). */
export function rawSeqNumbers(
  sender: SecretChatRole,
  inSeqNo: number,
  outSeqNo: number,
): { rawIn: number; rawOut: number } {
  if (inSeqNo < 0 || outSeqNo < 0)
    throw new SecretChatProtocolError("SEQ_OUT_OF_RANGE", `negative seq_no ${inSeqNo}/${outSeqNo}`);
  if (inSeqNo % 2 !== inParity(sender) || outSeqNo % 2 !== outParity(sender)) {
    throw new SecretChatProtocolError(
      "SEQ_PARITY",
      `seq_no parity ${inSeqNo}/${outSeqNo} does not fit a message from the ${sender}`,
    );
  }
  return { rawIn: (inSeqNo - inParity(sender)) / 2, rawOut: (outSeqNo - outParity(sender)) / 2 };
}

/** A resend range on the wire: raw out numbers of the peer, in the peer's out parity. */
export function wireResendRange(
  peer: SecretChatRole,
  rawStart: number,
  rawEnd: number,
): { startSeqNo: number; endSeqNo: number } {
  return { startSeqNo: 2 * rawStart + outParity(peer), endSeqNo: 2 * rawEnd + outParity(peer) };
}

export function rawResendRange(startSeqNo: number, endSeqNo: number): { rawStart: number; rawEnd: number } {
  // Parity is not checked here: TDLib and others halve the values, so accept either.
  return { rawStart: Math.floor(startSeqNo / 2), rawEnd: Math.floor(endSeqNo / 2) };
}

export type InboundOrder =
  | { readonly kind: "in-order" }
  | { readonly kind: "duplicate" }
  | { readonly kind: "gap"; readonly missingFrom: number; readonly missingTo: number };

/**
 * Where a received message stands against our counters: `localIn` = messages processed from the
 * peer, `localOut` = messages we sent. in_seq_no claims how many of ours the peer has seen, so it
 * can never exceed what we sent.
 */
export function classifyInbound(
  rawIn: number,
  rawOut: number,
  localIn: number,
  localOut: number,
  maxGap: number,
): InboundOrder {
  if (rawIn > localOut) {
    throw new SecretChatProtocolError(
      "SEQ_OUT_OF_RANGE",
      `in_seq_no ${rawIn} is beyond the ${localOut} messages we sent`,
    );
  }
  if (rawOut < localIn) return { kind: "duplicate" };
  if (rawOut === localIn) return { kind: "in-order" };
  if (rawOut - localIn > maxGap) {
    throw new SecretChatProtocolError(
      "SEQ_GAP_TOO_LARGE",
      `out_seq_no ${rawOut} leaves a gap of ${rawOut - localIn} messages`,
    );
  }
  return { kind: "gap", missingFrom: localIn, missingTo: rawOut - 1 };
}
