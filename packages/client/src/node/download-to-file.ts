import { open, stat } from "node:fs/promises";
import type { FileClient } from "../files/file-client.js";
import { downloadAsIterable, type DownloadOptions } from "../files/download/download-iterable.js";
import type { DownloadTarget } from "../files/download/download-target.js";

export interface DownloadToFileOptions extends Omit<DownloadOptions, "offset"> {
  /** Continue a partial file: download from its current length on and append. Default false (overwrite). */
  readonly resume?: boolean;
}

/**
 * Writes the file to `path` as its parts arrive in order. Only bytes that passed every check are
 * written, so after an error or an abort the file holds a verified prefix that `resume` continues.
 * Returns the file's length on disk.
 */
export async function downloadToFile(
  client: FileClient,
  target: DownloadTarget,
  path: string,
  options: DownloadToFileOptions = {},
): Promise<number> {
  const offset =
    options.resume === true
      ? await stat(path).then(
          (info) => info.size,
          () => 0,
        )
      : 0;
  const handle = await open(path, options.resume === true ? "a" : "w");
  let length = offset;
  try {
    for await (const chunk of downloadAsIterable(client, target, { ...options, offset })) {
      await handle.write(chunk);
      length += chunk.length;
    }
  } finally {
    await handle.close();
  }
  return length;
}
