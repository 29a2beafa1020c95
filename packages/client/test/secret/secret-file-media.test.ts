// Thumbnails and attributes of secret-chat files, end to end between two clients through the real
// test server, with stream sources on the way up and a stream on the way down.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downloadSecretFileToPath, sendSecretFileFromPath } from "../../src/node/index.js";
import { MAX_THUMBNAIL_BYTES } from "../../src/secret/index.js";
import { messagesOf, openChat, person, type SecretHarness, startSecretHarness } from "./secret-people.js";

let h: SecretHarness;
beforeAll(async () => {
  h = await startSecretHarness();
});
afterAll(async () => {
  await h.close();
});

function bytes(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (i * 13 + seed) & 0xff;
  return out;
}

/** A stand-in JPEG thumbnail: what matters is that its bytes come back unchanged. */
const thumbBytes = bytes(2_345, 9);

async function collect(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of stream) parts.push(chunk);
  return Buffer.concat(parts);
}

describe.each(["tcp", "ws"] as const)("secret files with thumbnails and attributes over %s", (transport) => {
  const base = transport === "tcp" ? 1 : 2;

  it("a video (from a ReadableStream) and a voice note (from an async iterable) arrive described", async () => {
    const alice = await person(h, `+1555061${base}01`, transport);
    const bob = await person(h, `+1555061${base}02`, transport);
    const [a, b] = await openChat(alice, bob);

    const video = bytes(1_100_003, 1); // three parts, not whole blocks
    const videoSource = new Blob([Buffer.from(video)]).stream();
    await a.sendFile(videoSource, {
      fileName: "clip.mp4",
      mimeType: "video/mp4",
      caption: "the clip",
      thumbnail: { bytes: thumbBytes, w: 90, h: 51 },
      video: { duration: 12, w: 1280, h: 720 },
    });
    const voice = bytes(40_000, 2);
    await a.sendFile(
      (async function* () {
        for (let at = 0; at < voice.length; at += 7_001) {
          await Promise.resolve(); // a source that yields between chunks
          yield voice.slice(at, at + 7_001);
        }
      })(),
      { fileName: "note.ogg", mimeType: "audio/ogg", audio: { duration: 3, voice: true, performer: "Alice" } },
    );
    await expect.poll(() => messagesOf(bob).length, { timeout: 20_000 }).toBe(2);
    const [clip, note] = messagesOf(bob);

    expect(clip!.description).toEqual({
      kind: "document",
      size: 1_100_003,
      mimeType: "video/mp4",
      fileName: "clip.mp4",
      caption: "the clip",
      thumbnail: { bytes: thumbBytes, w: 90, h: 51 },
      dimensions: { w: 1280, h: 720 },
      duration: 12,
      video: { roundMessage: false },
      audio: undefined,
    });
    expect((await collect(b.downloadAsStream(clip!))).equals(Buffer.from(video))).toBe(true);

    expect(note!.description).toMatchObject({
      kind: "document",
      size: 40_000,
      fileName: "note.ogg",
      mimeType: "audio/ogg",
      thumbnail: undefined,
      duration: 3,
      audio: { voice: true, title: undefined, performer: "Alice" },
    });
    expect(Buffer.from(await b.downloadFile(note!)).equals(Buffer.from(voice))).toBe(true);
    await alice.disconnect();
    await bob.disconnect();
  });
});

describe("secret photos and images with thumbnails", () => {
  it("a photo and an image document carry their thumbnails and sizes; bad options fail before upload", async () => {
    const alice = await person(h, "+15550620001", "tcp");
    const bob = await person(h, "+15550620002", "tcp");
    const [a, b] = await openChat(alice, bob);
    const photo = bytes(30_000, 3);
    await a.sendFile(photo, { photo: { w: 800, h: 600 }, thumbnail: { bytes: thumbBytes, w: 90, h: 68 } });
    const image = bytes(20_000, 4);
    await a.sendFile(image, { fileName: "scan.png", mimeType: "image/png", imageSize: { w: 2480, h: 3508 } });
    await expect.poll(() => messagesOf(bob).length, { timeout: 20_000 }).toBe(2);
    const [gotPhoto, gotImage] = messagesOf(bob);
    expect(gotPhoto!.description).toMatchObject({
      kind: "photo",
      size: 30_000,
      dimensions: { w: 800, h: 600 },
      thumbnail: { bytes: thumbBytes, w: 90, h: 68 },
    });
    expect(gotImage!.description).toMatchObject({
      kind: "document",
      fileName: "scan.png",
      mimeType: "image/png",
      dimensions: { w: 2480, h: 3508 },
      thumbnail: undefined,
    });
    expect(Buffer.from(await b.downloadFile(gotPhoto!)).equals(Buffer.from(photo))).toBe(true);
    expect(Buffer.from(await b.downloadFile(gotImage!)).equals(Buffer.from(image))).toBe(true);

    const tooBig = { bytes: new Uint8Array(MAX_THUMBNAIL_BYTES + 1), w: 90, h: 90 };
    await expect(a.sendFile(image, { thumbnail: tooBig })).rejects.toThrow(RangeError);
    await expect(a.sendFile(image, { video: { duration: -1, w: 1, h: 1 } })).rejects.toThrow(RangeError);
    await expect(a.sendFile(new Uint8Array(0))).rejects.toThrow(RangeError);
    // The chat goes on.
    await a.send("after the refusals");
    await expect.poll(() => messagesOf(bob).at(-1)?.text, { timeout: 10_000 }).toBe("after the refusals");
    await alice.disconnect();
    await bob.disconnect();
  });
});

describe("secret file transfers: progress and cancellation", () => {
  it("reports progress both ways; an aborted upload sends nothing and the chat goes on", async () => {
    const alice = await person(h, "+15550680001", "tcp");
    const bob = await person(h, "+15550680002", "tcp");
    const [a, b] = await openChat(alice, bob);
    const plain = bytes(1_200_000, 6);
    const up: number[] = [];
    await a.sendFile(plain, { fileName: "p.bin", onProgress: (done) => up.push(done) });
    expect(up.at(-1)).toBe(1_200_000); // whole blocks already: no padding
    await expect.poll(() => messagesOf(bob).length, { timeout: 20_000 }).toBe(1);
    const down: number[] = [];
    await b.downloadFile(messagesOf(bob)[0]!, { onProgress: (done) => down.push(done) });
    expect(down.at(-1)).toBe(1_200_000);

    const stop = new AbortController();
    stop.abort(new Error("changed my mind"));
    await expect(a.sendFile(plain, { signal: stop.signal })).rejects.toThrow();
    await a.send("only this");
    await expect.poll(() => messagesOf(bob).at(-1)?.text, { timeout: 10_000 }).toBe("only this");
    expect(messagesOf(bob)).toHaveLength(2);
    await alice.disconnect();
    await bob.disconnect();
  });
});

describe("secret files on disk", () => {
  it("a path goes up with its name and size and comes down to a path; a wrong length leaves no file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mtkit-secret-path-"));
    try {
      const alice = await person(h, "+15550650001", "tcp");
      const bob = await person(h, "+15550650002", "tcp");
      const [a, b] = await openChat(alice, bob);
      const plain = bytes(700_001, 5);
      writeFileSync(join(dir, "report.pdf"), plain);
      await sendSecretFileFromPath(a, join(dir, "report.pdf"), { mimeType: "application/pdf" });
      await expect.poll(() => messagesOf(bob).length, { timeout: 20_000 }).toBe(1);
      const received = messagesOf(bob)[0]!;
      expect(received.description).toMatchObject({
        fileName: "report.pdf",
        size: 700_001,
        mimeType: "application/pdf",
      });
      const out = join(dir, "out.pdf");
      expect(await downloadSecretFileToPath(b, received, out)).toBe(700_001);
      expect(readFileSync(out).equals(Buffer.from(plain))).toBe(true);

      const media = received.media;
      if (media?._ !== "decryptedMessageMediaDocument") throw new Error("expected a document");
      const wrong = join(dir, "wrong.pdf");
      await expect(
        downloadSecretFileToPath(b, { ...received, media: { ...media, size: 800_000n } }, wrong),
      ).rejects.toMatchObject({ code: "FILE_SIZE_MISMATCH" });
      expect(existsSync(wrong)).toBe(false);
      await alice.disconnect();
      await bob.disconnect();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
