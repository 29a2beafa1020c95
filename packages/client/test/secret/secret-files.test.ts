// Encrypted files in secret chats through the real test server: several parts, both directions of
// checks on receipt, and a scan of what the server keeps (no plaintext).
import { secretRelayOf } from "@mtkit/test-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messagesOf, openChat, person, type SecretHarness, startSecretHarness } from "./secret-people.js";

let h: SecretHarness;
beforeAll(async () => {
  h = await startSecretHarness();
});
afterAll(async () => {
  await h.close();
});

const MARKER = "PLAINTEXT-MARKER-0123456789";

/** A file of `size` bytes that repeats a recognisable text, so plaintext anywhere would be found. */
function markedFile(size: number): Uint8Array {
  const text = new TextEncoder().encode(MARKER);
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = text[i % text.length]!;
  return out;
}

describe.each(["tcp", "ws"] as const)("encrypted files over %s", (transport) => {
  const base = transport === "tcp" ? 1 : 2;

  it("a file of several parts goes through, decrypts to the same bytes, and the server holds only ciphertext", async () => {
    const alice = await person(h, `+1555050${base}1`, transport);
    const bob = await person(h, `+1555050${base}2`, transport);
    const [a] = await openChat(alice, bob);
    const plain = markedFile(1_300_001); // three 512 KiB parts, not a whole number of AES blocks
    await a.sendFile(plain, { fileName: "notes.txt", mimeType: "text/plain", caption: "the notes" });
    await expect.poll(() => messagesOf(bob).length, { timeout: 20_000 }).toBe(1);
    const received = messagesOf(bob)[0]!;
    expect(received.text).toBe("the notes");
    expect(received.media).toMatchObject({
      _: "decryptedMessageMediaDocument",
      size: 1_300_001n,
      mimeType: "text/plain",
    });
    expect(received.file).toMatchObject({ _: "encryptedFile", size: 1_300_016n });
    const back = bob.chats.get(a.id)!;
    expect(Buffer.from(await back.downloadFile(received)).equals(Buffer.from(plain))).toBe(true);

    // Everything the server keeps for secret chats: messages not yet confirmed, and every stored file.
    const relay = secretRelayOf(h.slice.world);
    const blobs: Uint8Array[] = [];
    for (const queue of relay.queues.values()) for (const entry of queue) blobs.push(entry.message.bytes);
    for (const sent of relay.sentRandomIds.values()) {
      const stored = sent.file._ === "encryptedFile" ? h.files.fileById(sent.file.id) : undefined;
      if (stored !== undefined) blobs.push(stored.content.read(0, stored.content.size));
    }
    const haystack = Buffer.concat(blobs);
    expect(haystack.length).toBeGreaterThan(1_300_000);
    expect(haystack.includes(Buffer.from(MARKER.slice(0, 12)))).toBe(false);
    await alice.disconnect();
    await bob.disconnect();
  });
});

describe("encrypted files: what the receiver checks", () => {
  it("a photo goes through; a wrong fingerprint, a swapped file and a wrong size are typed errors", async () => {
    const alice = await person(h, "+15550510001", "tcp");
    const bob = await person(h, "+15550510002", "tcp");
    const [a, b] = await openChat(alice, bob);
    const plain = markedFile(40_000);
    await a.sendFile(plain, { photo: { w: 100, h: 200 } });
    await expect.poll(() => messagesOf(bob).length, { timeout: 10_000 }).toBe(1);
    const received = messagesOf(bob)[0]!;
    expect(received.media).toMatchObject({ _: "decryptedMessageMediaPhoto", w: 100, h: 200, size: 40_000 });
    expect(Buffer.from(await b.downloadFile(received)).equals(Buffer.from(plain))).toBe(true);
    const file = received.file!;

    // The server says the file was encrypted with another key.
    await expect(
      b.downloadFile({ ...received, file: { ...file, keyFingerprint: file.keyFingerprint ^ 1 } }),
    ).rejects.toMatchObject({
      name: "SecretChatProtocolError",
      code: "FILE_FINGERPRINT_MISMATCH",
    });
    // The server hands out another file under the same fingerprint.
    const swapped = h.files.addFile(markedFile(40_032));
    swapped.file.encryptedKeyFingerprint = file.keyFingerprint;
    const other = { ...file, id: swapped.file.id, accessHash: swapped.file.accessHash };
    await expect(b.downloadFile({ ...received, file: other })).rejects.toMatchObject({ code: "FILE_SIZE_MISMATCH" });
    // The file was cut short after upload.
    const media = received.media;
    if (media?._ !== "decryptedMessageMediaPhoto") throw new Error("expected a photo");
    await expect(b.downloadFile({ ...received, media: { ...media, size: 40_100 } })).rejects.toMatchObject({
      code: "FILE_SIZE_MISMATCH",
    });
    // A message without media or file.
    await expect(b.downloadFile({ media: undefined, file })).rejects.toMatchObject({ code: "FILE_MISSING" });
    await expect(b.downloadFile({ media, file: undefined })).rejects.toMatchObject({ code: "FILE_MISSING" });
    // The chat goes on.
    await a.send("still here");
    await expect.poll(() => messagesOf(bob).at(-1)?.text, { timeout: 10_000 }).toBe("still here");
    await alice.disconnect();
    await bob.disconnect();
  });
});
