import { CancelledError } from "../../retry/cancelled-error.js";
import type { FileClient, ProgressCallback } from "../file-client.js";
import { FileTransferError } from "../file-transfer-error.js";
import { transferController, transferError, withPartRetries } from "../part-retry.js";
import { isValidDownloadPartSize, MAX_DOWNLOAD_PART, MAX_FILE_SIZE } from "../transfer-rules.js";
import { resolveTarget, type DownloadTarget } from "./download-target.js";
import { PartFetcher } from "./part-fetcher.js";

export interface DownloadOptions {
  /** First byte wanted (resume from here). Default 0. */
  readonly offset?: number;
  /** Bytes wanted from `offset`. Default: to the end of the file. */
  readonly limit?: number;
  /** Bytes per request: a multiple of 4 KiB dividing 1 MiB (128 KiB multiples for CDN files). Default 1 MiB. */
  readonly partSize?: number;
  /** Requests in flight at once over the DC's media connection. Default 4. */
  readonly workers?: number;
  /** Most bytes a file of unknown size may have before the server is called broken (ENDLESS_FILE). Default 4000 MiB. */
  readonly maxSize?: number;
  readonly onProgress?: ProgressCallback;
  readonly signal?: AbortSignal;
}

interface InFlight {
  readonly offset: number;
  readonly bytes: Promise<Uint8Array>;
}

/**
 * The file's bytes in order, as chunks. Parts are requested `workers` at a time (the first one
 * alone, so a redirect or a tiny file costs no wasted requests) and handed out in order; at most
 * `workers` parts are held. Breaking out of the loop or aborting stops every request.
 */
export async function* downloadAsIterable(
  client: FileClient,
  target: DownloadTarget,
  options: DownloadOptions = {},
): AsyncGenerator<Uint8Array, void, undefined> {
  const { location, dcId, size, origin } = resolveTarget(target);
  const partSize = options.partSize ?? MAX_DOWNLOAD_PART;
  if (!isValidDownloadPartSize(partSize))
    throw new FileTransferError("BAD_PART_SIZE", `${String(partSize)} is not a multiple of 4 KiB dividing 1 MiB`);
  const start = options.offset ?? 0;
  if (
    !Number.isSafeInteger(start) ||
    start < 0 ||
    (options.limit !== undefined && (!Number.isSafeInteger(options.limit) || options.limit < 0))
  ) {
    throw new FileTransferError("BAD_RANGE", "offset and limit must be non-negative integers");
  }
  const maxSize = options.maxSize ?? MAX_FILE_SIZE;
  const end = Math.min(
    size ?? Infinity,
    options.limit === undefined ? Infinity : start + options.limit,
    maxSize + partSize,
  );
  const total = Math.min(size ?? Infinity, options.limit === undefined ? Infinity : start + options.limit) - start;
  const workers = Math.max(1, Math.floor(options.workers ?? 4));
  const fetcher = new PartFetcher(client, location, dcId, origin);
  const { controller, dispose } = transferController(options.signal, (signal) => client.prepareSignal?.(signal));
  const inFlight: InFlight[] = [];
  let nextOffset = start - (start % partSize);
  let concurrency = 1;
  let done = 0;
  try {
    for (;;) {
      while (inFlight.length < concurrency && nextOffset < end) {
        const offset = nextOffset;
        const bytes = withPartRetries(() => fetcher.fetch(offset, partSize, controller.signal), controller.signal);
        bytes.catch(() => undefined); // awaited in order below; an early failure must not go unhandled meanwhile
        inFlight.push({ offset, bytes });
        nextOffset += partSize;
      }
      const head = inFlight.shift();
      if (head === undefined) break;
      const bytes = await head.bytes;
      concurrency = workers;
      checkLength(bytes.length, head.offset, partSize, size);
      if (head.offset + bytes.length > maxSize) {
        throw new FileTransferError(
          "ENDLESS_FILE",
          `the server sent more than ${String(maxSize)} bytes (maxSize)`,
          head.offset,
        );
      }
      const from = Math.max(start, head.offset) - head.offset;
      const to = Math.min(end, head.offset + bytes.length) - head.offset;
      if (to > from) {
        done += to - from;
        options.onProgress?.(done, total);
        yield bytes.subarray(from, to);
      }
      if (bytes.length < partSize) break; // the end of the file
    }
    if (size !== undefined && options.limit === undefined && start + done < size) {
      throw new FileTransferError(
        "BAD_PART_LENGTH",
        `the file ended at ${String(start + done)} bytes, the document says ${String(size)}`,
      );
    }
  } catch (error) {
    throw transferError(controller, error);
  } finally {
    // Done, failed, or the consumer stopped reading: nothing may keep running.
    if (!controller.signal.aborted) controller.abort(new CancelledError("ABORTED", "the download ended"));
    dispose();
  }
}

/**
 * A part longer than asked, or, for a file of known size, not exactly what is left of it, is the
 * server's error: nothing of it is used.
 */
function checkLength(length: number, offset: number, partSize: number, size: number | undefined): void {
  const expected = size === undefined ? undefined : Math.max(0, Math.min(partSize, size - offset));
  if (length > partSize || (expected !== undefined && length !== expected)) {
    throw new FileTransferError(
      "BAD_PART_LENGTH",
      `${String(length)} bytes at offset ${String(offset)}, expected ${expected === undefined ? `at most ${String(partSize)}` : String(expected)}`,
      offset,
    );
  }
}
