import { createReadStream, writeFileSync, readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileTransferError } from "../../src/files/file-transfer-error.js";
import { loggedInClient, pattern, startFilesHarness, toDocument, type FilesHarness } from "./files-harness.js";

const KIB = 1024;
const MIB = 1024 * KIB;

let h: FilesHarness;
let dir: string;
beforeAll(async () => {
  h = await startFilesHarness();
  dir = mkdtempSync(join(tmpdir(), "mtkit-files-"));
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(["tcp", "ws"] as const)("over %s", (transport) => {
  // 1 byte, exactly one part, part boundaries, 10 MiB exactly (small) and +- 1 (big from 10 MiB + 1).
  it.each([1, 512 * KIB, 512 * KIB - 1, 512 * KIB + 1, 3 * MIB, 10 * MIB - 1, 10 * MIB, 10 * MIB + 1])(
    "%i bytes go up and come back identical",
    async (size) => {
      const { client } = await loggedInClient(h, transport);
      const bytes = pattern(size, size & 0xff);
      const progress: [number, number][] = [];
      const uploaded = await client.uploadFile(bytes, {
        fileName: "x.bin",
        onProgress: (done, total) => progress.push([done, total]),
      });
      expect(uploaded.inputFile._).toBe(size > 10 * MIB ? "inputFileBig" : "inputFile");
      expect(uploaded.inputFile.parts).toBe(Math.ceil(size / (512 * KIB)));
      expect(progress.at(-1)).toEqual([size, size]);
      const document = await toDocument(client, uploaded);
      expect(document.size).toBe(BigInt(size));
      const down: [number, number][] = [];
      const back = await client.downloadAsBuffer(document, { onProgress: (done, total) => down.push([done, total]) });
      expect(back.length).toBe(size);
      expect(Buffer.compare(back, bytes)).toBe(0);
      expect(down.at(-1)).toEqual([size, size]);
      for (let i = 1; i < down.length; i++) expect(down[i]![0]).toBeGreaterThan(down[i - 1]![0]);
      await client.disconnect();
    },
  );

  it("an empty source is EMPTY_FILE, sent nowhere", async () => {
    const { client } = await loggedInClient(h, transport);
    await expect(client.uploadFile(new Uint8Array(0))).rejects.toMatchObject({
      name: "FileTransferError",
      code: "EMPTY_FILE",
    });
    await expect(client.uploadFile(new Uint8Array(4), { partSize: 1000 })).rejects.toBeInstanceOf(FileTransferError);
    await client.disconnect();
  });

  it("a file of 0 bytes downloads as nothing", async () => {
    const { client } = await loggedInClient(h, transport);
    const file = h.files.addFile(new Uint8Array(0), { dcId: 2 });
    expect((await client.downloadAsBuffer(file.document)).length).toBe(0);
    await client.disconnect();
  });

  it("Blob, web ReadableStream, Node Readable and a path are sources; an unknown-size stream past 10 MiB is a streamed big upload", async () => {
    const { client } = await loggedInClient(h, transport);
    const bytes = pattern(2 * MIB + 5, 9);
    const path = join(dir, `src-${transport}.bin`);
    writeFileSync(path, bytes);
    const web = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 100_000) controller.enqueue(bytes.slice(at, at + 100_000));
        controller.close();
      },
    });
    const sources = [
      new Blob([bytes]),
      web,
      Readable.from([bytes.subarray(0, 7), bytes.subarray(7)]),
      createReadStream(path),
      path,
    ];
    for (const source of sources) {
      const uploaded = await client.uploadFile(source);
      expect(uploaded.size).toBe(bytes.length);
      const back = await client.downloadAsBuffer(await toDocument(client, uploaded));
      expect(Buffer.compare(back, bytes)).toBe(0);
    }
    expect((await client.uploadFile(path)).fileName).toBe(`src-${transport}.bin`);
    // 11 MiB of unknown length: read ahead past 10 MiB, then saveBigFilePart with -1 until the last part.
    const big = pattern(11 * MIB, 3);
    const progress: number[] = [];
    const streamed = await client.uploadFile(
      Readable.from(
        (function* () {
          for (let at = 0; at < big.length; at += 300_000) yield big.subarray(at, at + 300_000);
        })(),
      ),
      { onProgress: (_done, total) => progress.push(total) },
    );
    expect(streamed.inputFile._).toBe("inputFileBig");
    expect(progress[0]).toBe(Infinity);
    expect(progress.at(-1)).toBe(big.length);
    const back = await client.downloadAsBuffer(await toDocument(client, streamed));
    expect(Buffer.compare(back, big)).toBe(0);
    await client.disconnect();
  });

  it("downloads as a web stream and as chunks, resumes from any offset, and writes files (resume appends)", async () => {
    const { client } = await loggedInClient(h, transport);
    const bytes = pattern(3 * MIB + 123, 5);
    const file = h.files.addFile(bytes, { dcId: 2 });
    const reader = client.downloadAsStream(file.document, { partSize: 256 * KIB }).getReader();
    const parts: Uint8Array[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
    expect(Buffer.compare(Buffer.concat(parts), bytes)).toBe(0);
    // Resume: an unaligned offset and a limit.
    const slice = await client.downloadAsBuffer(file.document, { offset: MIB + 777, limit: MIB + 3 });
    expect(Buffer.compare(slice, bytes.subarray(MIB + 777, 2 * MIB + 780))).toBe(0);
    const tail = await client.downloadAsBuffer(file.document, { offset: bytes.length - 1 });
    expect([...tail]).toEqual([bytes[bytes.length - 1]]);
    const path = join(dir, `down-${transport}.bin`);
    writeFileSync(path, bytes.subarray(0, 1_234_567)); // a partial earlier download
    expect(await client.downloadToFile(file.document, path, { resume: true })).toBe(bytes.length);
    expect(Buffer.compare(readFileSync(path), bytes)).toBe(0);
    expect(await client.downloadToFile(file.document, path)).toBe(bytes.length);
    expect(Buffer.compare(readFileSync(path), bytes)).toBe(0);
    await client.disconnect();
  });
});
