import { FileTransferError } from "../file-transfer-error.js";

/** What `uploadFile` reads from (the Node entry adds file paths). Node Readables are async iterables. */
export type UploadSource =
  Uint8Array | Blob | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** A source as a stream of byte chunks, with its size when it is known up front. */
export interface ByteChunks {
  readonly size: number | undefined;
  readonly chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  /** A name the source knows (a Blob that is a File). */
  readonly name: string | undefined;
}

/** Reads a Blob slice by slice, never all of it at once. */
async function* blobChunks(blob: Blob, sliceSize: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < blob.size; at += sliceSize) {
    yield new Uint8Array(await blob.slice(at, Math.min(blob.size, at + sliceSize)).arrayBuffer());
  }
}

async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield value;
    }
    finished = true;
  } finally {
    // Stopped early (error, abort): tell the producer, so it does not keep reading for nobody.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

async function* checkedChunks(source: AsyncIterable<unknown> | Iterable<unknown>): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    if (!(chunk instanceof Uint8Array))
      throw new FileTransferError(
        "BAD_SOURCE",
        "the stream produced something other than bytes (set no encoding on it)",
      );
    yield chunk;
  }
}

/** `size` (from the caller) is trusted only as the total for progress and the small/big choice; the bytes decide. */
export function byteChunksOf(source: UploadSource, sliceSize: number, size: number | undefined): ByteChunks {
  if (source instanceof Uint8Array) {
    return { size: source.length, chunks: [source], name: undefined };
  }
  if (typeof Blob !== "undefined" && source instanceof Blob) {
    const name = "name" in source && typeof source.name === "string" ? source.name : undefined;
    return { size: source.size, chunks: blobChunks(source, sliceSize), name };
  }
  if (typeof ReadableStream !== "undefined" && source instanceof ReadableStream) {
    return { size, chunks: streamChunks(source), name: undefined };
  }
  if (typeof source === "object" && (Symbol.asyncIterator in source || Symbol.iterator in source)) {
    return { size, chunks: checkedChunks(source), name: undefined };
  }
  throw new FileTransferError("BAD_SOURCE", "pass bytes, a Blob, a ReadableStream or an (async) iterable of bytes");
}
