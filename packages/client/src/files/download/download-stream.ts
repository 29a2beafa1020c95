import type { FileClient } from "../file-client.js";
import { downloadAsIterable, type DownloadOptions } from "./download-iterable.js";
import type { DownloadTarget } from "./download-target.js";

/** The file as a web ReadableStream (pull-based: parts are fetched as the reader asks); cancel() stops every request. */
export function downloadAsStream(
  client: FileClient,
  target: DownloadTarget,
  options: DownloadOptions = {},
): ReadableStream<Uint8Array> {
  const chunks = downloadAsIterable(client, target, options);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await chunks.next();
          if (next.done === true) controller.close();
          else controller.enqueue(next.value);
        } catch (error) {
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
