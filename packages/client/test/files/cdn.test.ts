import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RpcError } from "@mtkit/test-server";
import { loggedInClient, pattern, startFilesHarness, type FilesHarness } from "./files-harness.js";

const MIB = 1024 * 1024;

let h: FilesHarness;
beforeAll(async () => {
  h = await startFilesHarness({ cdn: true });
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  Object.assign(h.files.cdnFaults, { corrupt: 0, reupload: 0, slow: 0, slowMs: 0 });
});

describe.each(["tcp", "ws"] as const)("CDN DC over %s", (transport) => {
  it("a redirected file comes from the CDN DC (its own RSA key), decrypted and checked part by part", async () => {
    const { client } = await loggedInClient(h, transport);
    const bytes = pattern(3 * MIB + 4321, 2);
    const file = h.files.addFile(bytes, { dcId: 2, viaCdn: true });
    const keysBefore = h.cdnServer!.authKeyIds().length;
    // 3 MiB: the redirect carries the first 1 MiB of hashes, the rest come from upload.getCdnFileHashes.
    const back = await client.downloadAsBuffer(file.document);
    expect(Buffer.compare(back, bytes)).toBe(0);
    expect(h.cdnServer!.authKeyIds().length).toBe(keysBefore + 1); // a key of its own on the CDN DC
    await client.disconnect();
  });

  it("a corrupted CDN part is HASH_MISMATCH and never handed out", async () => {
    const { client } = await loggedInClient(h, transport);
    const bytes = pattern(2 * MIB, 3);
    const file = h.files.addFile(bytes, { dcId: 2, viaCdn: true });
    h.files.cdnFaults.corrupt = 1;
    const received: Uint8Array[] = [];
    await expect(
      (async () => {
        for await (const chunk of client.downloadAsIterable(file.document, { workers: 1 })) received.push(chunk);
      })(),
    ).rejects.toMatchObject({ name: "FileTransferError", code: "HASH_MISMATCH" });
    expect(received.length).toBe(0);
    await client.disconnect();
  });

  it("cdnFileReuploadNeeded: the client asks the master DC to re-upload, then gets the part", async () => {
    const { client } = await loggedInClient(h, transport);
    const bytes = pattern(2 * MIB + 1, 4);
    const file = h.files.addFile(bytes, { dcId: 2, viaCdn: true });
    // Until upload.reuploadCdnFile is called with its request token the CDN keeps answering
    // cdnFileReuploadNeeded, so a client that did not re-upload would fail here.
    h.files.cdnFaults.reupload = 2;
    const back = await client.downloadAsBuffer(file.document);
    expect(Buffer.compare(back, bytes)).toBe(0);
    expect(h.files.cdnFaults.reupload).toBe(0);
    await client.disconnect();
  });

  it("a slow CDN part delays, nothing more", async () => {
    const { client } = await loggedInClient(h, transport);
    const bytes = pattern(MIB + 5, 5);
    const file = h.files.addFile(bytes, { dcId: 2, viaCdn: true });
    Object.assign(h.files.cdnFaults, { slow: 1, slowMs: 300 });
    expect(Buffer.compare(await client.downloadAsBuffer(file.document), bytes)).toBe(0);
    await client.disconnect();
  });
});

describe("bad CDN answers", () => {
  it("FILE_TOKEN_INVALID falls back to the master DC", async () => {
    const { client } = await loggedInClient(h, "tcp");
    const bytes = pattern(MIB + 9, 6);
    const file = h.files.addFile(bytes, { dcId: 2, viaCdn: true });
    h.cdnServer!.faults.onMethod(
      "upload.getCdnFile",
      { kind: "rpcError", code: 400, message: "FILE_TOKEN_INVALID" },
      1,
    );
    expect(Buffer.compare(await client.downloadAsBuffer(file.document, { workers: 1 }), bytes)).toBe(0);
    await client.disconnect();
  });

  it("hashes with a negative offset are BAD_HASHES; a redirect with a short key is BAD_REDIRECT", async () => {
    const { client } = await loggedInClient(h, "tcp");
    const file = h.files.addFile(pattern(MIB), { dcId: 2, viaCdn: true });
    h.server.handle("upload.getFile", () => ({
      _: "upload.fileCdnRedirect" as const,
      dcId: 203,
      fileToken: new Uint8Array(16),
      encryptionKey: new Uint8Array(32),
      encryptionIv: new Uint8Array(16),
      fileHashes: [{ _: "fileHash" as const, offset: -131072n, limit: 131072, hash: new Uint8Array(32) }],
    }));
    await expect(client.downloadAsBuffer(file.document)).rejects.toMatchObject({ code: "BAD_HASHES" });
    h.server.handle("upload.getFile", () => ({
      _: "upload.fileCdnRedirect" as const,
      dcId: 203,
      fileToken: new Uint8Array(16),
      encryptionKey: new Uint8Array(5),
      encryptionIv: new Uint8Array(16),
      fileHashes: [],
    }));
    await expect(client.downloadAsBuffer(file.document)).rejects.toMatchObject({ code: "BAD_REDIRECT" });
    h.server.handle("upload.getFile", () => {
      throw new RpcError(400, "LOCATION_INVALID");
    });
    await client.disconnect();
  });
});
