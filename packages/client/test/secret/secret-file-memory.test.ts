// A secret-chat file is never held whole: a file of several MiB is produced on the fly, encrypted
// and uploaded part by part, then downloaded and decrypted part by part and checked as it arrives,
// while the process's RSS may grow by less than the file. The server keeps files on disk, so only the
// clients are measured. Scaled for CI (MTKIT_SECRET_FILE_MIB sets the size; 256 runs the full proof).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { messagesOf, openChat, person, type SecretHarness, startSecretHarness } from "./secret-people.js";

const MIB = 1024 * 1024;
const SIZE = Number(process.env.MTKIT_SECRET_FILE_MIB ?? "96") * MIB + 5; // not whole AES blocks
const CHUNK = 64 * 1024;
/**
 * Well under half the file: holding it whole (plaintext or ciphertext) would put the median above.
 * What is legitimately in flight does not grow with the file: 4 download parts of 1 MiB, each copied
 * a few times between the server's read and the client's decryption. Unloaded the median is about 0;
 * at a load average of 10-16 it reached 22 MiB (max 30) on downloads, which broke the old 16 MiB bound
 * at 48 MiB, where half the file is too close to that. At 96 MiB the bound sits between the two.
 */
const BOUND = Math.min(40 * MIB, (SIZE * 5) / 12);

let h: SecretHarness;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "mtkit-secret-mem-"));
  h = await startSecretHarness({ directory: dir });
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The file's byte at `offset`: computed, so neither side needs a copy to compare with. */
function byteAt(offset: number): number {
  return (Math.imul(offset, 2_654_435_761) >>> 24) ^ (offset & 0xff);
}

function* source(size: number, onProgress: () => void): Generator<Uint8Array> {
  for (let at = 0; at < size; at += CHUNK) {
    if (at % SAMPLE_EVERY === 0 && at > 0) onProgress();
    const chunk = new Uint8Array(Math.min(CHUNK, size - at));
    for (let i = 0; i < chunk.length; i++) chunk[i] = byteAt(at + i);
    yield chunk;
  }
}

// A full collection on demand (the flag can be set at run time; the function comes from a fresh context).
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/** Memory still held after a full collection: what the transfer keeps, not garbage it has yet to free. */
function liveBytes(): number {
  collectGarbage();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/**
 * Live memory above the level when it starts, sampled (after a collection) each time `sample` is
 * called, every few MiB of progress. Sockets and servers make short spikes, so the median is what
 * is bounded: a transfer that held the file would sit at half of it or more in the median.
 */
function liveSamples(): { sample(): void; median(): number; max(): number } {
  const base = liveBytes();
  const samples: number[] = [];
  const sorted = (): number[] => samples.toSorted((x, y) => x - y);
  return {
    sample: () => {
      samples.push(liveBytes() - base);
    },
    median: () => sorted()[Math.floor(samples.length / 2)] ?? 0,
    max: () => sorted().at(-1) ?? 0,
  };
}

const SAMPLE_EVERY = 2 * MIB;

it(
  `a ${String(Math.round(SIZE / MIB))} MiB file goes up and down without being held whole`,
  { timeout: 120_000 + (SIZE / MIB) * 2_000 },
  async () => {
    const alice = await person(h, "+15550630001", "tcp");
    const bob = await person(h, "+15550630002", "tcp");
    const [a, b] = await openChat(alice, bob);
    // Warm up both directions, so connections and buffers made once are not counted.
    await a.sendFile(new Uint8Array(600_000).fill(1), { fileName: "warm" });
    await expect.poll(() => messagesOf(bob).length, { timeout: 30_000 }).toBe(1);
    await b.downloadFile(messagesOf(bob)[0]!);

    const up = liveSamples();
    await a.sendFile(
      source(SIZE, () => {
        up.sample();
      }),
      { fileName: "big.bin", size: SIZE },
    );
    await expect.poll(() => messagesOf(bob).length, { timeout: 30_000 }).toBe(2);
    const received = messagesOf(bob)[1]!;
    expect(received.description).toMatchObject({ size: SIZE, fileName: "big.bin" });
    expect(received.file).toMatchObject({ _: "encryptedFile", size: BigInt(SIZE + 11) });

    const down = liveSamples();
    let at = 0;
    let mismatches = 0;
    for await (const chunk of b.downloadAsIterable(received)) {
      for (let i = 0; i < chunk.length; i += 4093) if (chunk[i] !== byteAt(at + i)) mismatches++;
      if (chunk[chunk.length - 1] !== byteAt(at + chunk.length - 1)) mismatches++;
      if (Math.floor((at + chunk.length) / SAMPLE_EVERY) > Math.floor(at / SAMPLE_EVERY)) down.sample();
      at += chunk.length;
    }
    expect(at).toBe(SIZE);
    expect(mismatches).toBe(0);
    const mib = (bytes: number): string => (bytes / MIB).toFixed(1);
    console.log(
      `live memory above the start, ${mib(SIZE)} MiB secret file: up median ${mib(up.median())} max ${mib(up.max())}, down median ${mib(down.median())} max ${mib(down.max())} MiB`,
    );
    expect(up.median()).toBeLessThan(BOUND);
    expect(down.median()).toBeLessThan(BOUND);
    await alice.disconnect();
    await bob.disconnect();
  },
);
