import { MessageRejectedError } from "../errors.js";
import { readInt64LE, readUint32LE } from "@mtkit/mtproto-crypto/bytes";
import type { SessionCodec } from "../tl/codec.js";
import { GZIP_PACKED_ID, gzipInflateBounded } from "./gzip.js";
import { RPC_RESULT_ID } from "./ids.js";

/**
 * rpc_result#f35c6d01 reqMsgId:long result:Object, parsed by hand because the type of `result`
 * depends on the request: https://core.telegram.org/mtproto/service_messages#response-to-an-rpc-query
 */
export interface RawRpcResult {
  readonly reqMsgId: bigint;
  /** The result object's bytes, already inflated if it was gzip_packed. */
  readonly result: Uint8Array;
}

export function splitRpcResult(body: Uint8Array, codec: SessionCodec): RawRpcResult {
  if (body.length < 16 || readUint32LE(body, 0) !== RPC_RESULT_ID) {
    throw new MessageRejectedError("MALFORMED_BODY", "rpc_result too short");
  }
  const reqMsgId = readInt64LE(body, 4);
  return { reqMsgId, result: unpackGzip(body.subarray(12), codec) };
}

/** If `body` is gzip_packed, the inflated object; otherwise `body` itself. */
export function unpackGzip(body: Uint8Array, codec: SessionCodec): Uint8Array {
  if (body.length < 4 || readUint32LE(body, 0) !== GZIP_PACKED_ID) return body;
  const reader = codec.reader(body);
  reader.int();
  let packed: Uint8Array;
  try {
    packed = reader.bytes();
  } catch (cause) {
    throw new MessageRejectedError("GZIP_INVALID", `gzip_packed header invalid: ${String(cause)}`);
  }
  return gzipInflateBounded(packed);
}
