/**
 * Secret-chat files to and from disk (https://core.telegram.org/api/end-to-end#sending-encrypted-files):
 * a path streams through the part-by-part encryption on the way up and the part-by-part decryption
 * on the way down, so neither side holds the file. Only the types of the secret entry are used, so
 * this adds nothing of it to the Node entry.
 */
import { open, rm } from "node:fs/promises";
import type { SecretChat } from "../secret/secret-chat.js";
import type { DownloadSecretFileOptions, ReceivedMedia, SendFileOptions } from "../secret/secret-files.js";
import { nodeUploadSource } from "./node-upload-source.js";

/** Sends the file at `path` in a secret chat (its name and size come from the file unless given). */
export async function sendSecretFileFromPath(
  chat: SecretChat,
  path: string,
  options: SendFileOptions = {},
): Promise<bigint> {
  const input = await nodeUploadSource(path);
  return chat.sendFile(input.source, {
    ...options,
    ...(options.size === undefined && input.size !== undefined ? { size: input.size } : {}),
    ...(options.fileName === undefined && input.name !== undefined ? { fileName: input.name } : {}),
  });
}

/**
 * Writes a received secret file to `path` as it is decrypted; resolves with its length. IGE has no
 * MAC, so a file that ends in an error (wrong length) is removed rather than left half written.
 */
export async function downloadSecretFileToPath(
  chat: SecretChat,
  received: ReceivedMedia,
  path: string,
  options: DownloadSecretFileOptions = {},
): Promise<number> {
  const chunks = chat.downloadAsIterable(received, options); // throws before the file is made if the key is wrong
  const handle = await open(path, "w");
  let length = 0;
  try {
    for await (const chunk of chunks) {
      await handle.write(chunk);
      length += chunk.length;
    }
  } catch (error) {
    await handle.close();
    await rm(path, { force: true });
    throw error;
  }
  await handle.close();
  return length;
}
