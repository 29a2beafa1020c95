import { concatAll, readUint32LE } from "@mtkit/mtproto-crypto/bytes";
import { MessageRejectedError } from "../errors.js";
import { GZIP_MAX_INFLATED } from "./gzip.js";

/**
 * gzip through the platform's own streams (CompressionStream / DecompressionStream: every current
 * browser, Deno, Bun and Node >= 18), for gzip_packed
 * (https://core.telegram.org/mtproto/service_messages#packed-object). They are asynchronous only,
 * so the session uses them through `SessionEnvironment.gunzip` (see expand-gzip.ts).
 */

/** Inflates asynchronously, failing as soon as the output passes `maxBytes`. */
export type AsyncGunzip = (data: Uint8Array, maxBytes: number) => Promise<Uint8Array>;

/** True where the platform has DecompressionStream with gzip. */
export function hasGzipStreams(): boolean {
  return typeof globalThis.DecompressionStream === "function" && typeof globalThis.CompressionStream === "function";
}

/**
 * Inflates `data` with DecompressionStream and a running cap: each chunk is counted as it comes
 * out, and the stream is cancelled the moment the total passes `maxBytes` (a gzip bomb costs at
 * most one chunk past the cap, never the size its trailer claims).
 */
export async function inflateWithStreams(data: Uint8Array, maxBytes = GZIP_MAX_INFLATED): Promise<Uint8Array> {
  if (data.length < 18) throw new MessageRejectedError("GZIP_INVALID", "gzip stream too short");
  const inflater = new DecompressionStream("gzip");
  const writer = inflater.writable.getWriter();
  // Write errors surface through the reader too; this only keeps them from being unhandled.
  writer
    .write(data)
    .then(
      () => writer.close(),
      () => undefined,
    )
    .catch(() => undefined);
  const reader = (inflater.readable as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new MessageRejectedError("GZIP_TOO_LARGE", `gzip inflates past ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
  } catch (cause) {
    if (cause instanceof MessageRejectedError) throw cause;
    throw new MessageRejectedError("GZIP_INVALID", `gzip stream invalid: ${String(cause)}`);
  }
  // ISIZE (last 4 bytes) is the inflated size mod 2^32: checked after the fact, as integrity only.
  if (total >>> 0 !== readUint32LE(data, data.length - 4)) {
    throw new MessageRejectedError("GZIP_INVALID", "gzip size does not match its trailer");
  }
  return chunks.length === 1 ? chunks[0]! : concatAll(chunks);
}

/** gzip with CompressionStream. */
export async function gzipWithStreams(data: Uint8Array): Promise<Uint8Array> {
  const compressed = new Blob([data]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(compressed).arrayBuffer());
}
