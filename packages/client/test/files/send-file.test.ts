// sendFile and downloads from messages over the real server's world (messages.sendMedia), with
// file references that expire and are refreshed by fetching the message again.
import { installFiles, type FilesSlice } from "@mtkit/test-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { incoming } from "../../src/events/index.js";
import { FileTransferError } from "../../src/files/file-transfer-error.js";
import type { Message } from "../../src/messages/message.js";
import { crypto, startHarness, type Harness } from "../client/harness.js";
import { aliceAndBob, loginUser, USERS, waitFor } from "../world/world-harness.js";
import { pattern } from "./files-harness.js";

const KIB = 1024;

/** A PNG header (signature + IHDR with the size) followed by noise: enough for the server's size sniffing. */
function fakePng(width: number, height: number, bodySize: number): Uint8Array {
  const out = pattern(bodySize + 33, 5);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(out.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return out;
}

function mediaOf(message: Message): NonNullable<(Message["raw"] & { _: "message" })["media"]> {
  if (message.raw._ !== "message" || message.raw.media === undefined) throw new Error("no media");
  return message.raw.media;
}

let h: Harness;
let files: FilesSlice;
beforeAll(async () => {
  h = await startHarness({ users: USERS });
  files = installFiles(h.server, { crypto, world: h.slice });
});
afterAll(async () => {
  files.clear();
  await h.close();
});

describe.each(["tcp", "ws"] as const)("over %s", (transport) => {
  const pair = aliceAndBob(() => h, transport);

  it("a document goes out with its name, size and type; the other side gets it as an update and downloads it", async () => {
    const bytes = pattern(700 * KIB + 3, 7);
    const received = waitFor<Message>((push) => pair.bob.on("newMessage", push, incoming));
    const progress: number[] = [];
    const sent = await pair.alice.sendFile("@bob", bytes, {
      fileName: "report.pdf",
      caption: "<b>Q3</b>",
      parseMode: "html",
      onProgress: (done) => progress.push(done),
    });
    expect(sent).toMatchObject({ text: "Q3", outgoing: true, chatType: "private" });
    expect(sent.entities).toEqual([{ _: "messageEntityBold", offset: 0, length: 2 }]);
    expect(progress.at(-1)).toBe(bytes.length);
    const media = mediaOf(sent);
    expect(media._).toBe("messageMediaDocument");
    if (media._ !== "messageMediaDocument" || media.document?._ !== "document") throw new Error("no document");
    expect(media.document).toMatchObject({ mimeType: "application/pdf", size: BigInt(bytes.length) });
    expect(media.document.attributes).toContainEqual({ _: "documentAttributeFilename", fileName: "report.pdf" });

    const got = await received;
    expect(got.id).not.toBe(0);
    expect(Buffer.compare(await pair.bob.downloadAsBuffer(got), bytes)).toBe(0);
    // getHistory shows it too, with a location that works.
    const page = await pair.bob.getHistory("@alice", { limit: 1 });
    expect(page.messages[0]?.id).toBe(got.id);
    expect(
      Buffer.compare(
        await pair.bob.downloadAsBuffer(page.messages[0]!, { offset: 4 * KIB, limit: 8 * KIB }),
        bytes.subarray(4 * KIB, 12 * KIB),
      ),
    ).toBe(0);
  });

  it("a PNG goes as a photo with its size; forceDocument sends it as a file", async () => {
    const png = fakePng(1000, 600, 40 * KIB);
    const photo = await pair.alice.sendFile("@bob", png, { fileName: "cat.png", silent: true });
    const media = mediaOf(photo);
    if (media._ !== "messageMediaPhoto" || media.photo?._ !== "photo") throw new Error(`not a photo: ${media._}`);
    expect(media.photo.sizes).toEqual([{ _: "photoSize", type: "y", w: 1000, h: 600, size: png.length }]);
    expect(Buffer.compare(await pair.alice.downloadAsBuffer(photo), png)).toBe(0);
    expect(Buffer.compare(await pair.bob.downloadAsBuffer(media), png)).toBe(0);

    const asFile = await pair.alice.sendFile("@bob", png, { fileName: "cat.png", forceDocument: true });
    expect(mediaOf(asFile)._).toBe("messageMediaDocument");
  });

  it("messages.sendMultiMedia: an album of a new upload and a photo sent before, one answer with both", async () => {
    const first = await pair.alice.sendFile("@bob", fakePng(90, 60, KIB), { fileName: "a.png" });
    const media = mediaOf(first);
    if (media._ !== "messageMediaPhoto" || media.photo?._ !== "photo") throw new Error("not a photo");
    expect(media.photo.sizes[0]).toMatchObject({ type: "s", w: 90, h: 60 });
    const uploaded = await pair.alice.uploadFile(pattern(5 * KIB), { fileName: "b.bin" });
    const photo = { _: "inputPhoto" as const, id: media.photo.id, accessHash: media.photo.accessHash };
    // random_ids are per sender: a second transport's run must not look like a resend.
    const base = transport === "tcp" ? 100n : 200n;
    const answer = await pair.alice.invoke({
      _: "messages.sendMultiMedia",
      peer: await pair.alice.resolvePeer("@bob"),
      multiMedia: [
        {
          _: "inputSingleMedia",
          media: { _: "inputMediaPhoto", id: { ...photo, fileReference: media.photo.fileReference } },
          randomId: base + 1n,
          message: "again",
        },
        {
          _: "inputSingleMedia",
          media: {
            _: "inputMediaUploadedDocument",
            file: uploaded.inputFile,
            mimeType: "application/octet-stream",
            attributes: [],
          },
          randomId: base + 2n,
          message: "",
        },
      ],
    });
    if (answer._ !== "updates") throw new Error(answer._);
    expect(answer.updates.filter((update) => update._ === "updateMessageID").map((update) => update.randomId)).toEqual([
      base + 1n,
      base + 2n,
    ]);
    expect(answer.updates.filter((update) => update._ === "updateNewMessage")).toHaveLength(2);
    // A stale reference of a file sent before is refused; the album sends nothing then.
    files.expireReferences();
    await expect(
      pair.alice.invoke({
        _: "messages.sendMultiMedia",
        peer: await pair.alice.resolvePeer("@bob"),
        multiMedia: [
          {
            _: "inputSingleMedia",
            media: { _: "inputMediaPhoto", id: { ...photo, fileReference: media.photo.fileReference } },
            randomId: base + 3n,
            message: "",
          },
        ],
      }),
    ).rejects.toMatchObject({ name: "FILE_REFERENCE_EXPIRED" });
  });

  it("an uploaded file is sent once uploaded; an expired reference is refreshed from the message, mid-download", async () => {
    const bytes = pattern(3 * 1024 * KIB + 17, 3);
    const uploaded = await pair.alice.uploadFile(bytes, { fileName: "data.bin" });
    const sent = await pair.alice.sendFile("@bob", uploaded);
    const [mine] = await pair.bob.getHistory("@alice", { limit: 1 }).then((page) => page.messages);
    expect(mine).toBeDefined();
    let expired = false;
    const chunks: Uint8Array[] = [];
    for await (const chunk of pair.bob.downloadAsIterable(mine!, { partSize: 512 * KIB, workers: 2 })) {
      chunks.push(chunk);
      if (!expired) {
        // Every reference stops working after the first part: the rest must come with a fresh one.
        files.expireReferences();
        expired = true;
      }
    }
    expect(Buffer.compare(Buffer.concat(chunks), bytes)).toBe(0);
    // A bare document carries no message to refetch: the server's error stands.
    files.expireReferences();
    const media = mediaOf(sent);
    if (media._ !== "messageMediaDocument" || media.document?._ !== "document") throw new Error("no document");
    await expect(pair.alice.downloadAsBuffer(media.document)).rejects.toMatchObject({
      name: "FILE_REFERENCE_EXPIRED",
      code: 400,
    });
    // The message itself still works (and its refetch brings a fresh reference).
    expect((await pair.alice.downloadAsBuffer(sent)).length).toBe(bytes.length);
  });
});

it("a reference that is stale again every time ends after a bounded number of refreshes", async () => {
  const stale = await startHarness({ users: USERS });
  const staleFiles = installFiles(stale.server, { crypto, world: stale.slice, referenceTtlMs: 0 });
  const alice = await loginUser(stale, "tcp", USERS[0].phone);
  try {
    const sent = await alice.sendFile("me", pattern(10 * KIB), { fileName: "x.bin" });
    const error: unknown = await alice.downloadAsBuffer(sent).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileTransferError);
    expect(error).toMatchObject({ code: "FILE_REFERENCE_EXPIRED" });
    expect((error as Error).message).toContain("after 3");
  } finally {
    await alice.disconnect();
    staleFiles.clear();
    await stale.close();
  }
});
