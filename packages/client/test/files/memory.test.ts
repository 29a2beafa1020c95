// Memory stays bounded by the parts in flight, not the file: a scaled transfer (256 MiB down,
// 96 MiB up) must not grow the process by more than a fixed bound. The 1 GiB version is
// `pnpm --filter @mtkit/bench run soak:files`.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { syntheticByte } from "@mtkit/test-server";
import { loggedInClient, startFilesHarness, toDocument, type FilesHarness } from "./files-harness.js";

const MIB = 1024 * 1024;
const BOUND = 96 * MIB;

let h: FilesHarness;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "mtkit-files-mem-"));
  // The server shares this process: it keeps uploads on disk so only the client's memory is measured.
  h = await startFilesHarness({ files: { directory: dir } });
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Peak RSS above the level measured when it starts, sampled every 10 ms. */
function peakGrowth(): { stop(): number } {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss) - base;
    },
  };
}

it("256 MiB down and 96 MiB up hold no more than the parts in flight", { timeout: 120_000 }, async () => {
  const { client } = await loggedInClient(h, "tcp");
  const size = 256 * MIB;
  const file = h.files.addSyntheticFile(size, { dcId: 2, seed: 11 });
  const warm = await client.downloadAsBuffer(file.document, { limit: 8 * MIB });
  expect(warm.length).toBe(8 * MIB);

  const down = peakGrowth();
  let received = 0;
  let mismatches = 0;
  for await (const chunk of client.downloadAsIterable(file.document)) {
    if (
      chunk[0] !== syntheticByte(received, 11) ||
      chunk[chunk.length - 1] !== syntheticByte(received + chunk.length - 1, 11)
    )
      mismatches++;
    received += chunk.length;
  }
  const downGrowth = down.stop();
  expect(received).toBe(size);
  expect(mismatches).toBe(0);

  const upSize = 96 * MIB;
  const up = peakGrowth();
  const chunks = (function* () {
    for (let at = 0; at < upSize; at += 64 * 1024) yield new Uint8Array(64 * 1024).fill(at & 0xff);
  })();
  const uploaded = await client.uploadFile(Readable.from(chunks), { size: upSize });
  const upGrowth = up.stop();
  expect((await toDocument(client, uploaded)).size).toBe(BigInt(upSize));
  console.log(
    `RSS growth: download 256 MiB ${(downGrowth / MIB).toFixed(1)} MiB, upload 96 MiB ${(upGrowth / MIB).toFixed(1)} MiB`,
  );
  expect(downGrowth).toBeLessThan(BOUND);
  expect(upGrowth).toBeLessThan(BOUND);
  await client.disconnect();
});
