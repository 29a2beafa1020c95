import { concatAll } from "@mtkit/mtproto-crypto/bytes";
import type { FileClient } from "../file-client.js";
import { downloadAsIterable, type DownloadOptions } from "./download-iterable.js";
import type { DownloadTarget } from "./download-target.js";

/** Default most bytes `downloadAsBuffer` collects: 512 MiB. */
export const DEFAULT_MAX_BUFFER_BYTES = 512 * 1024 * 1024;

/**
 * The whole file (or the range asked) in one Uint8Array. The buffer is sized from the bytes that
 * arrived, never from the size the server claims; more than `maxBytes` is an error.
 */
export async function downloadAsBuffer(
  client: FileClient,
  target: DownloadTarget,
  options: DownloadOptions & { readonly maxBytes?: number } = {},
): Promise<Uint8Array> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BUFFER_BYTES;
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of downloadAsIterable(client, target, options)) {
    length += chunk.length;
    if (length > maxBytes)
      throw new RangeError(
        `the download exceeds maxBytes (${String(maxBytes)}); use downloadAsIterable or downloadToFile`,
      );
    parts.push(chunk);
  }
  return concatAll(parts);
}
