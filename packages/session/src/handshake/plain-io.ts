import type { TlObject } from "@mtkit/tl-core";
import type { ObjectsByName } from "@mtkit/tl-core/mtproto";
import type { MtprotoObject } from "../tl/types.js";
import { HandshakeError } from "../errors.js";
import type { MsgIdClock } from "../core/msg-id-clock.js";
import { decodePlainMessage, encodePlainMessage } from "../core/plain-message.js";
import type { SessionCodec } from "../tl/codec.js";

/** Wraps a TL object in a plain message with a fresh msg_id. */
export function plainPacket(
  codec: SessionCodec,
  clock: MsgIdClock,
  value: MtprotoObject | TlObject,
  kind: "response" | "other" = "other",
): Uint8Array {
  return encodePlainMessage(clock.next(kind), codec.encode(value));
}

/**
 * Decodes a plain packet's body as one TL object. Trailing bytes are tolerated (transports may
 * pad), but anything undecodable is a typed MALFORMED_MESSAGE error.
 */
export function readPlainObject(codec: SessionCodec, packet: Uint8Array, step: string): { readonly _: string } {
  try {
    const { body } = decodePlainMessage(packet);
    const value = codec.reader(body).object() as { readonly _: string };
    return value;
  } catch (cause) {
    throw new HandshakeError("MALFORMED_MESSAGE", `undecodable plain message: ${String(cause)}`, step);
  }
}

/** Narrows a decoded object to the constructor `name`, or throws UNEXPECTED_MESSAGE. */
export function expectObject<K extends keyof ObjectsByName>(
  value: { readonly _: string },
  name: K,
  step: string,
): ObjectsByName[K] {
  if (value._ !== name) throw new HandshakeError("UNEXPECTED_MESSAGE", `expected ${name}, got ${value._}`, step);
  return value as ObjectsByName[K];
}
