import { readInt32LE, writeUint32LE } from "@mtkit/mtproto-crypto/bytes";
import { TransportStatusError } from "./errors.js";
import type { Frame } from "./frame.js";

/**
 * A transport error is a packet whose 4-byte payload is a negative int32 (e.g. -404).
 * https://core.telegram.org/mtproto/mtproto-transports#transport-errors
 * No MTProto message is shorter than 20 bytes, so a short packet starting with a negative int
 * cannot be confused with one (this also covers padded intermediate, where padding follows).
 */
export function statusFrameOf(payload: Uint8Array): Frame | undefined {
  if (payload.length < 4 || payload.length >= 20) return undefined;
  const status = readInt32LE(payload, 0);
  if (status >= 0) return undefined;
  return { kind: "status", error: new TransportStatusError(status) };
}

export function statusPayload(status: number): Uint8Array {
  if (!Number.isInteger(status) || status >= 0 || status < -0x80000000)
    throw new RangeError(`status must be a negative int32, got ${status}`);
  const out = new Uint8Array(4);
  writeUint32LE(out, 0, status >>> 0);
  return out;
}
