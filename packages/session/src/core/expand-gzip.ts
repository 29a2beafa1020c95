import { readUint32LE } from "@mtkit/mtproto-crypto/bytes";
import type { SessionCodec } from "../tl/codec.js";
import { decodeContainer, encodeContainer, MSG_CONTAINER_ID } from "./container.js";
import { GZIP_MAX_INFLATED, GZIP_PACKED_ID } from "./gzip.js";
import type { AsyncGunzip } from "./gzip-streams.js";
import { MSG_COPY_ID, RPC_RESULT_ID } from "./ids.js";

/**
 * With an asynchronous inflater (DecompressionStream in browsers), gzip_packed
 * (https://core.telegram.org/mtproto/service_messages#packed-object) is inflated before the
 * synchronous core sees the message: where the core would inflate (a message's body, an
 * rpc_result's result, the same for each message of a container) the packed bytes are replaced by
 * the inflated ones. This is only a faster path: whatever cannot be expanded cleanly (a bad
 * stream, a gzip bomb, an odd length) stays packed, and the core's own bounded inflater then
 * rejects it with its typed error exactly as it would have.
 */

/** Whether `body` has a gzip_packed where expandGzipPacked would replace one (cheap: ids only). */
export function hasGzipPacked(body: Uint8Array): boolean {
  if (body.length < 4) return false;
  const id = readUint32LE(body, 0);
  if (id === GZIP_PACKED_ID) return true;
  if (id === RPC_RESULT_ID) return body.length >= 16 && readUint32LE(body, 12) === GZIP_PACKED_ID;
  if (id !== MSG_CONTAINER_ID) return false;
  try {
    return decodeContainer(body).some((item) => hasGzipPacked(item.body));
  } catch {
    return false; // the core rejects it
  }
}

/** `body` with its gzip_packed parts inflated by `gunzip` (never rejects; see above). */
export async function expandGzipPacked(
  body: Uint8Array,
  codec: SessionCodec,
  gunzip: AsyncGunzip,
  maxBytes = GZIP_MAX_INFLATED,
): Promise<Uint8Array> {
  const id = body.length >= 4 ? readUint32LE(body, 0) : 0;
  if (id !== MSG_CONTAINER_ID) return expandOne(body, codec, gunzip, maxBytes);
  let items;
  try {
    items = decodeContainer(body);
  } catch {
    return body;
  }
  const expanded = await Promise.all(items.map((item) => expandOne(item.body, codec, gunzip, maxBytes)));
  if (expanded.every((inner, i) => inner === items[i]!.body)) return body;
  return encodeContainer(items.map((item, i) => ({ ...item, body: expanded[i]! })));
}

async function expandOne(
  body: Uint8Array,
  codec: SessionCodec,
  gunzip: AsyncGunzip,
  maxBytes: number,
): Promise<Uint8Array> {
  if (body.length < 4) return body;
  const id = readUint32LE(body, 0);
  if (id === GZIP_PACKED_ID) return (await inflated(body, codec, gunzip, maxBytes)) ?? body;
  if (id !== RPC_RESULT_ID || body.length < 16) return body;
  const result = await inflated(body.subarray(12), codec, gunzip, maxBytes);
  if (result === undefined) return body;
  const out = new Uint8Array(12 + result.length);
  out.set(body.subarray(0, 12));
  out.set(result, 12);
  return out;
}

/** The inflated object of a gzip_packed, or undefined when the core should judge it. */
async function inflated(
  packed: Uint8Array,
  codec: SessionCodec,
  gunzip: AsyncGunzip,
  maxBytes: number,
): Promise<Uint8Array | undefined> {
  if (readUint32LE(packed, 0) !== GZIP_PACKED_ID) return undefined;
  try {
    const reader = codec.reader(packed);
    reader.int();
    const object = await gunzip(reader.bytes(), maxBytes);
    // Container items must stay multiples of 4 bytes (every TL object is one), and a container or
    // msg_copy must keep the nesting depth the core checks, so those stay packed.
    if (object.length < 4 || object.length % 4 !== 0) return undefined;
    const inner = readUint32LE(object, 0);
    return inner === MSG_CONTAINER_ID || inner === MSG_COPY_ID ? undefined : object;
  } catch {
    return undefined;
  }
}
