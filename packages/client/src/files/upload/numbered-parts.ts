/** One upload part: its number, its bytes and whether the source ended with it. */
export interface NumberedPart {
  readonly index: number;
  readonly bytes: Uint8Array;
  readonly last: boolean;
}

/** Cuts arbitrary chunks into parts of exactly `partSize` bytes (the last one shorter). */
async function* exactParts(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  partSize: number,
): AsyncGenerator<Uint8Array> {
  let buffer: Uint8Array | undefined;
  let filled = 0;
  for await (const chunk of chunks) {
    let at = 0;
    while (at < chunk.length) {
      if (filled === 0 && chunk.length - at >= partSize) {
        // A whole part inside the chunk: no copy.
        yield chunk.subarray(at, at + partSize);
        at += partSize;
        continue;
      }
      buffer ??= new Uint8Array(partSize);
      const take = Math.min(partSize - filled, chunk.length - at);
      buffer.set(chunk.subarray(at, at + take), filled);
      filled += take;
      at += take;
      if (filled === partSize) {
        yield buffer;
        buffer = undefined;
        filled = 0;
      }
    }
  }
  if (filled > 0 && buffer !== undefined) yield buffer.subarray(0, filled);
}

/** Parts numbered from 0, each knowing whether it is the last (one part of look-ahead). */
export async function* numberedParts(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  partSize: number,
): AsyncGenerator<NumberedPart> {
  const parts = exactParts(chunks, partSize)[Symbol.asyncIterator]();
  let current = await parts.next();
  let index = 0;
  while (current.done !== true) {
    const next = await parts.next();
    yield { index: index++, bytes: current.value, last: next.done === true };
    current = next;
  }
}
