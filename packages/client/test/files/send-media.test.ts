// sendFile's thumbnails and document attributes, and sendFiles (albums), over the real server's world
// on TCP and WebSocket: what the sender gives comes back in the message media, on both sides.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installFiles, type FilesSlice } from "@mtkit/test-server";
import type { RawDocument } from "@mtkit/tl-core/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SendMediaError } from "../../src/files/send/send-media-error.js";
import type { Message } from "../../src/messages/message.js";
import type { TelegramClient } from "../../src/node/index.js";
import { crypto, startHarness, type Harness } from "../client/harness.js";
import { loginUser, USERS } from "../world/world-harness.js";
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

function documentOf(message: Message): RawDocument {
  const media = message.raw._ === "message" ? message.raw.media : undefined;
  if (media?._ !== "messageMediaDocument" || media.document?._ !== "document") throw new Error("no document");
  return media.document;
}

/** A source that records whether anything read it: bad options must fail before a byte goes up. */
function watched(bytes: Uint8Array): { readonly source: AsyncIterable<Uint8Array>; readonly read: () => boolean } {
  let read = false;
  return {
    source: (async function* () {
      read = true;
      await Promise.resolve();
      yield bytes;
    })(),
    read: () => read,
  };
}

let h: Harness;
let files: FilesSlice;
let dir: string;
beforeAll(async () => {
  h = await startHarness({ users: USERS });
  files = installFiles(h.server, { crypto, world: h.slice });
  dir = mkdtempSync(join(tmpdir(), "mtkit-send-media-"));
});
afterAll(async () => {
  files.clear();
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(["tcp", "ws"] as const)("over %s", (transport) => {
  let alice: TelegramClient;
  let bob: TelegramClient;
  beforeAll(async () => {
    alice = await loginUser(h, transport, USERS[0].phone);
    bob = await loginUser(h, transport, USERS[1].phone);
  });
  afterAll(async () => {
    await alice.disconnect();
    await bob.disconnect();
  });

  it("a video goes with its attributes and a thumbnail the other side can download", async () => {
    const video = pattern(300 * KIB + 5, 11);
    const thumb = fakePng(90, 60, 2 * KIB);
    const sent = await alice.sendFile("@bob", video, {
      fileName: "clip.mp4",
      video: { duration: 12.5, w: 640, h: 360, supportsStreaming: true },
      thumb,
      caption: "clip",
    });
    const document = documentOf(sent);
    expect(document.mimeType).toBe("video/mp4");
    expect(document.attributes).toHaveLength(2);
    expect(document.attributes[0]).toEqual({ _: "documentAttributeFilename", fileName: "clip.mp4" });
    expect(document.attributes[1]).toMatchObject({
      _: "documentAttributeVideo",
      duration: 12.5,
      w: 640,
      h: 360,
      supportsStreaming: true,
    });
    expect(document.thumbs).toEqual([{ _: "photoSize", type: "s", w: 90, h: 60, size: thumb.length }]);

    const [seen] = (await bob.getHistory("@alice", { limit: 1 })).messages;
    const theirs = documentOf(seen!);
    expect(theirs.thumbs).toEqual(document.thumbs);
    const location = {
      _: "inputDocumentFileLocation" as const,
      id: theirs.id,
      accessHash: theirs.accessHash,
      fileReference: theirs.fileReference,
      thumbSize: "s",
    };
    expect(Buffer.compare(await bob.downloadAsBuffer({ location, dcId: theirs.dcId }), thumb)).toBe(0);
    // A size letter the document has no thumbnail for is refused.
    await expect(
      bob.downloadAsBuffer({ location: { ...location, thumbSize: "w" }, dcId: theirs.dcId }),
    ).rejects.toMatchObject({ name: "LOCATION_INVALID" });
    expect(Buffer.compare(await bob.downloadAsBuffer(seen!), video)).toBe(0);
  });

  it("a voice message and a round video keep their flags; an image size goes on a forced document", async () => {
    const voice = await alice.sendFile("@bob", pattern(20 * KIB, 2), {
      fileName: "voice.ogg",
      audio: { duration: 7, voice: true, title: "note", performer: "alice" },
    });
    expect(documentOf(voice).mimeType).toBe("audio/ogg");
    expect(documentOf(voice).attributes[1]).toMatchObject({
      _: "documentAttributeAudio",
      voice: true,
      duration: 7,
      title: "note",
      performer: "alice",
    });
    const round = await alice.sendFile("@bob", pattern(30 * KIB, 3), {
      fileName: "round.mp4",
      video: { duration: 3, w: 240, h: 240, roundMessage: true },
    });
    expect(documentOf(round).attributes[1]).toMatchObject({ roundMessage: true, w: 240, h: 240 });
    // A PNG with a video attribute is not a photo: the attributes would be lost.
    const image = await alice.sendFile("@bob", fakePng(1000, 600, KIB), {
      fileName: "big.png",
      forceDocument: true,
      imageSize: { w: 1000, h: 600 },
    });
    expect(documentOf(image).attributes).toContainEqual({ _: "documentAttributeImageSize", w: 1000, h: 600 });
  });

  it("sendFiles sends an album: one grouped_id, captions per item, in order, seen the same by the other side", async () => {
    const png = fakePng(320, 200, 4 * KIB);
    const clip = pattern(64 * KIB, 9);
    const sent = await alice.sendFiles("@bob", [
      { file: png, fileName: "a.png" },
      {
        file: clip,
        fileName: "b.mp4",
        caption: "<i>second</i>",
        parseMode: "html",
        video: { duration: 1, w: 2, h: 2 },
      },
    ]);
    expect(sent).toHaveLength(2);
    const grouped = sent.map((message) => (message.raw._ === "message" ? message.raw.groupedId : undefined));
    expect(grouped[0]).toBeDefined();
    expect(grouped[1]).toBe(grouped[0]);
    expect(sent[0]!.raw._ === "message" && sent[0]!.raw.media?._).toBe("messageMediaPhoto");
    expect(sent[1]).toMatchObject({ text: "second" });
    expect(documentOf(sent[1]!).attributes[1]).toMatchObject({ _: "documentAttributeVideo", w: 2, h: 2 });

    const page = await bob.getHistory("@alice", { limit: 2 });
    const theirs = [...page.messages].sort((a, b) => a.id - b.id);
    expect(theirs.map((message) => message.text)).toEqual(["", "second"]);
    const theirGroup = theirs.map((message) => (message.raw._ === "message" ? message.raw.groupedId : undefined));
    expect(theirGroup[0]).toBeDefined();
    expect(theirGroup[1]).toBe(theirGroup[0]);
    expect(Buffer.compare(await bob.downloadAsBuffer(theirs[1]!), clip)).toBe(0);
  });

  it("paths work for the file, the thumbnail and album items (Node)", async () => {
    const filePath = join(dir, `${transport}-doc.txt`);
    const thumbPath = join(dir, `${transport}-thumb.png`);
    writeFileSync(filePath, pattern(10 * KIB, 4));
    writeFileSync(thumbPath, fakePng(50, 50, KIB));
    const sent = await alice.sendFile("@bob", filePath, { thumb: thumbPath });
    expect(documentOf(sent).attributes[0]).toEqual({
      _: "documentAttributeFilename",
      fileName: `${transport}-doc.txt`,
    });
    expect(documentOf(sent).thumbs?.[0]).toMatchObject({ w: 50, h: 50 });
    const album = await alice.sendFiles("@bob", [filePath, { file: filePath, thumb: thumbPath, fileName: "x.txt" }]);
    expect(album.map((message) => documentOf(message).attributes[0])).toEqual([
      { _: "documentAttributeFilename", fileName: `${transport}-doc.txt` },
      { _: "documentAttributeFilename", fileName: "x.txt" },
    ]);
  });

  it("bad options are typed errors before a byte is uploaded", async () => {
    const cases: [Parameters<TelegramClient["sendFile"]>[2], string][] = [
      [{ video: { duration: 1, w: 2, h: 2 }, audio: { duration: 1 } }, "BAD_ATTRIBUTES"],
      [{ video: { duration: -1, w: 2, h: 2 } }, "BAD_ATTRIBUTES"],
      [{ video: { duration: Number.NaN, w: 2, h: 2 } }, "BAD_ATTRIBUTES"],
      [{ imageSize: { w: 1.5, h: 2 } }, "BAD_ATTRIBUTES"],
      [{ audio: { duration: 2.5 } }, "BAD_ATTRIBUTES"],
      [{ thumb: pattern(200 * KIB + 1) }, "BAD_THUMB"],
    ];
    for (const [options, code] of cases) {
      const source = watched(pattern(KIB));
      const error: unknown = await alice.sendFile("@bob", source.source, options).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SendMediaError);
      expect(error).toMatchObject({ code });
      expect(source.read()).toBe(false);
    }
    // A thumbnail of unknown size is known too big once uploaded: still before the file.
    const file = watched(pattern(KIB));
    const bigThumb = watched(pattern(300 * KIB));
    await expect(alice.sendFile("@bob", file.source, { thumb: bigThumb.source })).rejects.toMatchObject({
      name: "SendMediaError",
      code: "BAD_THUMB",
    });
    expect(file.read()).toBe(false);
    // Albums of no items or more than ten; a bad item names its index.
    await expect(alice.sendFiles("@bob", [])).rejects.toMatchObject({ code: "BAD_ALBUM" });
    await expect(
      alice.sendFiles(
        "@bob",
        Array.from({ length: 11 }, () => pattern(KIB)),
      ),
    ).rejects.toMatchObject({
      code: "BAD_ALBUM",
    });
    await expect(
      alice.sendFiles("@bob", [pattern(KIB), { file: pattern(KIB), audio: { duration: -2 } }]),
    ).rejects.toMatchObject({ code: "BAD_ATTRIBUTES", item: 1 });
  });
});
