import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RpcError } from "@mtkit/test-server";
import { CancelledError } from "../../src/retry/cancelled-error.js";
import { loggedInClient, pattern, startFilesHarness, toDocument, type FilesHarness } from "./files-harness.js";

const KIB = 1024;
const MIB = 1024 * KIB;

let h: FilesHarness;
beforeAll(async () => {
  h = await startFilesHarness();
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  h.server.faults.clear();
});

describe.each(["tcp", "ws"] as const)("over %s", (transport) => {
  it("the server's upload rules answer the documented errors", async () => {
    const { client } = await loggedInClient(h, transport);
    const media = { media: true } as const;
    const part = (fileId: bigint, filePart: number, size: number) =>
      client.invoke({ _: "upload.saveFilePart", fileId, filePart, bytes: new Uint8Array(size) }, media);
    const big = (fileId: bigint, filePart: number, total: number, size: number) =>
      client.invoke(
        { _: "upload.saveBigFilePart", fileId, filePart, fileTotalParts: total, bytes: new Uint8Array(size) },
        media,
      );
    await expect(part(1n, 0, 0)).rejects.toMatchObject({ name: "FILE_PART_EMPTY" });
    await expect(part(1n, 0, 512 * KIB + 1)).rejects.toMatchObject({ name: "FILE_PART_TOO_BIG" });
    await expect(part(1n, -1, 10)).rejects.toMatchObject({ name: "FILE_PART_INVALID" });
    await expect(part(1n, 4000, 10)).rejects.toMatchObject({ name: "FILE_PART_INVALID" });
    await expect(big(2n, 0, 3, 1000)).rejects.toMatchObject({ name: "FILE_PART_SIZE_INVALID" });
    await expect(big(2n, 5, 3, 1024)).rejects.toMatchObject({ name: "FILE_PARTS_INVALID" });
    await expect(big(2n, 0, 4001, 1024)).rejects.toMatchObject({ name: "FILE_PARTS_INVALID" });
    await big(3n, 0, 3, 1024);
    await expect(big(3n, 1, 4, 1024)).rejects.toMatchObject({ name: "FILE_PARTS_INVALID" });
    await expect(part(3n, 1, 1024)).rejects.toMatchObject({ name: "FILE_PARTS_INVALID" });

    const finish = (
      file:
        | { _: "inputFile"; id: bigint; parts: number; name: string; md5Checksum: string }
        | { _: "inputFileBig"; id: bigint; parts: number; name: string },
    ) => toDocument(client, { inputFile: file, size: 0, fileName: "f", mimeType: "application/octet-stream" });
    // A missing part is named.
    await part(4n, 0, 2048);
    await part(4n, 2, 100);
    await expect(finish({ _: "inputFile", id: 4n, parts: 3, name: "f", md5Checksum: "" })).rejects.toMatchObject({
      name: "FILE_PART_MISSING",
      rawMessage: "FILE_PART_1_MISSING",
    });
    // Non-last parts of different sizes.
    await part(5n, 0, 2048);
    await part(5n, 1, 1024);
    await part(5n, 2, 100);
    await expect(finish({ _: "inputFile", id: 5n, parts: 3, name: "f", md5Checksum: "" })).rejects.toMatchObject({
      name: "FILE_PART_SIZE_CHANGED",
    });
    // md5 of small files is checked when given.
    const bytes = pattern(3000);
    await client.invoke({ _: "upload.saveFilePart", fileId: 6n, filePart: 0, bytes }, media);
    await expect(
      finish({ _: "inputFile", id: 6n, parts: 1, name: "f", md5Checksum: "00".repeat(16) }),
    ).rejects.toMatchObject({ name: "MD5_CHECKSUM_INVALID" });
    const md5 = Array.from(client.crypto.md5(bytes), (b) => b.toString(16).padStart(2, "0")).join("");
    expect((await finish({ _: "inputFile", id: 6n, parts: 1, name: "f", md5Checksum: md5 })).size).toBe(3000n);
    // A small upload of more than 10 MiB, and a small/big mix-up.
    await expect(finish({ _: "inputFileBig", id: 3n, parts: 3, name: "f" })).rejects.toMatchObject({
      name: "FILE_PART_MISSING",
    });
    await expect(finish({ _: "inputFile", id: 77n, parts: 0, name: "f", md5Checksum: "" })).rejects.toMatchObject({
      name: "FILE_PARTS_INVALID",
    });
    await client.disconnect();
  });

  it("upload.getFile: offset/limit rules, precise, unknown file, file reference empty and expired", async () => {
    const { client } = await loggedInClient(h, transport);
    const file = h.files.addFile(pattern(2 * MIB), { dcId: 2 });
    const get = (offset: number, limit: number, precise = false, location = file.location) =>
      client.invoke(
        { _: "upload.getFile", location, offset: BigInt(offset), limit, ...(precise ? { precise: true } : {}) },
        { dcId: 2, media: true },
      );
    await expect(get(-4096, 4096)).rejects.toMatchObject({ name: "OFFSET_INVALID" });
    await expect(get(1024, 4096)).rejects.toMatchObject({ name: "OFFSET_INVALID" });
    await expect(get(0, 1000)).rejects.toMatchObject({ name: "LIMIT_INVALID" });
    await expect(get(0, 3 * 4096)).rejects.toMatchObject({ name: "LIMIT_INVALID" }); // 1 MiB % limit != 0
    await expect(get(MIB - 4096, 8192)).rejects.toMatchObject({ name: "LIMIT_INVALID" }); // crosses a 1 MiB block
    await expect(get(0, 2 * MIB)).rejects.toMatchObject({ name: "LIMIT_INVALID" });
    expect((await get(1024, 3 * 1024, true)) as { bytes: Uint8Array }).toMatchObject({ _: "upload.file" });
    expect(((await get(2 * MIB, 4096)) as { bytes: Uint8Array }).bytes.length).toBe(0);
    await expect(
      get(0, 4096, false, { ...file.location, accessHash: file.location.accessHash + 1n }),
    ).rejects.toMatchObject({ name: "FILE_ID_INVALID" });
    await expect(get(0, 4096, false, { ...file.location, fileReference: new Uint8Array(0) })).rejects.toMatchObject({
      name: "FILE_REFERENCE_EMPTY",
    });
    h.files.expireReferences();
    await expect(client.downloadAsBuffer(file.document)).rejects.toMatchObject({
      name: "FILE_REFERENCE_EXPIRED",
      code: 400,
    });
    const fresh = h.files.refreshReference(file.file);
    expect((await client.downloadAsBuffer(fresh.document)).length).toBe(2 * MIB);
    await client.disconnect();
  });

  it("FILE_MIGRATE_1 is followed (authorization exported to DC 1) for a bare location", async () => {
    const { client, events } = await loggedInClient(h, transport);
    const bytes = pattern(MIB + 17, 4);
    const file = h.files.addFile(bytes, { dcId: 1 });
    const back = await client.downloadAsBuffer({ location: file.location });
    expect(Buffer.compare(back, bytes)).toBe(0);
    expect(events.some((e) => e.type === "migrate" && e.error === "FILE_MIGRATE_1")).toBe(true);
    expect(events.some((e) => e.type === "authorization_imported" && e.dcId === 1)).toBe(true);
    await client.disconnect();
  });

  it("FLOOD_WAIT and 500 on parts go through the retry policy; the transfer completes", async () => {
    const { client, events } = await loggedInClient(h, transport);
    h.server.faults.floodWait("upload.saveFilePart", 1, 2);
    h.server.faults.onMethod("upload.getFile", { kind: "rpcError", code: 500, message: "INTERNAL" }, 2);
    const bytes = pattern(2 * MIB, 8);
    const back = await client.downloadAsBuffer(await toDocument(client, await client.uploadFile(bytes)));
    expect(Buffer.compare(back, bytes)).toBe(0);
    expect(events.filter((e) => e.type === "wait").length).toBeGreaterThanOrEqual(3);
    await client.disconnect();
  });

  it("a fatal error on one part fails the upload once, with the server's error", async () => {
    const { client } = await loggedInClient(h, transport);
    h.server.faults.onMethod("upload.saveFilePart", { kind: "rpcError", code: 400, message: "FILE_PART_INVALID" }, 1);
    await expect(client.uploadFile(pattern(3 * MIB))).rejects.toMatchObject({ name: "FILE_PART_INVALID" });
    await client.disconnect();
  });

  it("abort mid-upload and mid-download: CancelledError at once, no part keeps running", async () => {
    const { client } = await loggedInClient(h, transport);
    h.server.faults.delay("upload.saveBigFilePart", 200, Infinity);
    const controller = new AbortController();
    const up = client.uploadFile(pattern(12 * MIB), {
      signal: controller.signal,
      onProgress: () => {
        controller.abort();
      },
    });
    await expect(up).rejects.toBeInstanceOf(CancelledError);
    h.server.faults.clear();
    const file = h.files.addSyntheticFile(64 * MIB, { dcId: 2 });
    h.server.faults.delay("upload.getFile", 100, Infinity);
    const downController = new AbortController();
    let seen = 0;
    const started = Date.now();
    await expect(
      (async () => {
        for await (const chunk of client.downloadAsIterable(file.document, { signal: downController.signal })) {
          seen += chunk.length;
          downController.abort();
        }
      })(),
    ).rejects.toMatchObject({ name: "CancelledError", code: "ABORTED" });
    expect(seen).toBe(MIB);
    expect(Date.now() - started).toBeLessThan(10_000);
    h.server.faults.clear();
    // The connection is still good for the next transfer.
    expect((await client.downloadAsBuffer(file.document, { limit: 4096 })).length).toBe(4096);
    await client.disconnect();
  });
});

describe("bad server answers are typed errors, nothing unverified is handed out, no hang", () => {
  it("wrong part lengths, endless parts, negative ranges", async () => {
    const { client } = await loggedInClient(h, "tcp");
    const file = h.files.addFile(pattern(3 * MIB), { dcId: 2 });
    const original = file.location;
    // Too long a part.
    h.server.handle("upload.getFile", (request) => ({
      _: "upload.file" as const,
      type: { _: "storage.filePartial" as const },
      mtime: 0,
      bytes: new Uint8Array(request.limit + 1),
    }));
    await expect(client.downloadAsBuffer(file.document)).rejects.toMatchObject({ code: "BAD_PART_LENGTH" });
    // A short part in the middle of a file of known size.
    h.server.handle("upload.getFile", (request) => ({
      _: "upload.file" as const,
      type: { _: "storage.filePartial" as const },
      mtime: 0,
      bytes: new Uint8Array(request.offset === 0n ? request.limit : 10),
    }));
    await expect(client.downloadAsBuffer(file.document)).rejects.toMatchObject({ code: "BAD_PART_LENGTH" });
    // Endless: always a full part, for a location of unknown size.
    const full = new Uint8Array(MIB);
    h.server.handle("upload.getFile", () => ({
      _: "upload.file" as const,
      type: { _: "storage.filePartial" as const },
      mtime: 0,
      bytes: full,
    }));
    await expect(client.downloadAsBuffer({ location: original, dcId: 2 }, { maxSize: 8 * MIB })).rejects.toMatchObject({
      code: "ENDLESS_FILE",
    });
    await expect(client.downloadAsBuffer(file.document, { offset: -1 })).rejects.toMatchObject({ code: "BAD_RANGE" });
    // A server that throws for a bad location gets its error through.
    h.server.handle("upload.getFile", () => {
      throw new RpcError(400, "LOCATION_INVALID");
    });
    await expect(client.downloadAsBuffer(file.document)).rejects.toMatchObject({ name: "LOCATION_INVALID" });
    await client.disconnect();
  });
});
