import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { UploadSource } from "../files/upload/upload-source.js";

/** What the Node entry's `uploadFile` reads from: everything portable, plus a file path. */
export type NodeUploadSource = UploadSource | string;

/** A path becomes a read stream (read 512 KiB at a time) with its size and name; the rest passes through. */
export async function nodeUploadSource(
  source: NodeUploadSource,
): Promise<{ readonly source: UploadSource; readonly size: number | undefined; readonly name: string | undefined }> {
  if (typeof source !== "string") return { source, size: undefined, name: undefined };
  const info = await stat(source);
  return { source: createReadStream(source, { highWaterMark: 512 * 1024 }), size: info.size, name: basename(source) };
}
