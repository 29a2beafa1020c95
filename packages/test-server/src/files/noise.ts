/**
 * `size` bytes of xorshift32 noise in chunks of `chunkSize`, never repeating within the stream
 * (unlike `SyntheticContent`'s 1 MiB block), so a part sent twice or out of order changes the
 * file's hash; incompressible like real media. For demos, benches and tests that upload files.
 */
export function* noiseChunks(size: number, seed: number, chunkSize = 1024 * 1024): Generator<Uint8Array> {
  let x = seed >>> 0 || 1;
  for (let done = 0; done < size; done += chunkSize) {
    const chunk = new Uint8Array(Math.min(chunkSize, size - done));
    for (let i = 0; i < chunk.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      chunk[i] = x & 0xff;
    }
    yield chunk;
  }
}
