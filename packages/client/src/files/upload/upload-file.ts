import type { RawInputFile, RawInputFileBig } from "@mtkit/tl-core/api";
import type { FileClient, ProgressCallback } from "../file-client.js";
import { FileTransferError } from "../file-transfer-error.js";
import { transferController, transferError, withPartRetries } from "../part-retry.js";
import {
  BIG_FILE_THRESHOLD,
  isValidUploadPartSize,
  MAX_DEFAULT_UPLOAD_WORKERS,
  MAX_UPLOAD_PART,
  MAX_UPLOAD_PARTS,
  UPLOAD_BYTES_IN_FLIGHT,
} from "../transfer-rules.js";
import { numberedParts, type NumberedPart } from "./numbered-parts.js";
import { byteChunksOf, type UploadSource } from "./upload-source.js";

export interface UploadFileOptions {
  readonly fileName?: string;
  readonly mimeType?: string;
  /** Bytes per part: a multiple of 1 KiB dividing 512 KiB. Default 512 KiB. */
  readonly partSize?: number;
  /** Parts in flight at once over the DC's media connections. Default: 1 MiB of parts (2 of 512 KiB), at most 8. */
  readonly workers?: number;
  /** Size of a stream source, when known (used for progress and the small/big choice). */
  readonly size?: number;
  readonly onProgress?: ProgressCallback;
  readonly signal?: AbortSignal;
}

/** An uploaded file, ready for messages.sendMedia / uploadMedia (https://core.telegram.org/api/files). */
export interface UploadedFile {
  readonly inputFile: RawInputFile | RawInputFileBig;
  readonly size: number;
  readonly fileName: string;
  readonly mimeType: string;
}

/** Parts read ahead of the upload when the size is unknown, to tell a small file from a big one. */
interface Plan {
  readonly big: boolean;
  /** Bytes, when known. */
  readonly total: number | undefined;
  /** Parts, when the size is known. */
  readonly totalParts: number | undefined;
  readonly ahead: NumberedPart[];
}

/**
 * Uploads a file in parts, `workers` at a time, over the home DC's media connections. Holds at most
 * `workers` parts in memory (plus up to 10 MiB read ahead for a stream of unknown size).
 */
export async function uploadFile(
  client: FileClient,
  source: UploadSource,
  options: UploadFileOptions = {},
): Promise<UploadedFile> {
  const partSize = options.partSize ?? MAX_UPLOAD_PART;
  if (!isValidUploadPartSize(partSize))
    throw new FileTransferError("BAD_PART_SIZE", `${String(partSize)} is not a multiple of 1 KiB dividing 512 KiB`);
  const workers = Math.max(
    1,
    Math.floor(
      options.workers ??
        Math.min(MAX_DEFAULT_UPLOAD_WORKERS, Math.max(1, Math.floor(UPLOAD_BYTES_IN_FLIGHT / partSize))),
    ),
  );
  const input = byteChunksOf(source, partSize, options.size);
  const fileName = options.fileName ?? input.name ?? "file";
  const mimeType = options.mimeType ?? "application/octet-stream";
  const parts = numberedParts(input.chunks, partSize);
  const { controller, dispose } = transferController(options.signal, (signal) => client.prepareSignal?.(signal));
  const fileId = randomFileId(client);
  try {
    const plan = await planUpload(parts, input.size, partSize);
    let done = 0;
    let count = 0;
    let size = 0;
    const queue = plan.ahead.values();
    const next = async (): Promise<NumberedPart | undefined> => {
      const fromAhead = queue.next();
      if (fromAhead.done !== true) return fromAhead.value;
      const read = await parts.next();
      return read.done === true ? undefined : read.value;
    };
    const worker = async (): Promise<void> => {
      for (let part = await next(); part !== undefined && !controller.signal.aborted; part = await next()) {
        if (part.index >= MAX_UPLOAD_PARTS)
          throw new FileTransferError(
            "FILE_TOO_BIG",
            `more than ${String(MAX_UPLOAD_PARTS)} parts of ${String(partSize)} bytes`,
          );
        if (
          plan.totalParts !== undefined &&
          (part.index >= plan.totalParts || part.last !== (part.index === plan.totalParts - 1))
        ) {
          throw new FileTransferError(
            "BAD_SOURCE",
            `the source's length does not match its size ${String(plan.total)}`,
          );
        }
        if (part.last) count = part.index + 1;
        size += part.bytes.length;
        await withPartRetries(() => sendPart(client, fileId, part, plan, controller.signal), controller.signal);
        done += part.bytes.length;
        options.onProgress?.(done, plan.total ?? (count > 0 ? size : Infinity));
      }
    };
    await runAll(
      Array.from({ length: workers }, () => worker()),
      controller,
    );
    if (controller.signal.aborted) throw controller.signal.reason;
    if (count === 0) throw new FileTransferError("EMPTY_FILE", "the source has no bytes");
    const inputFile: RawInputFile | RawInputFileBig = plan.big
      ? { _: "inputFileBig", id: fileId, parts: count, name: fileName }
      : { _: "inputFile", id: fileId, parts: count, name: fileName, md5Checksum: "" };
    return { inputFile, size, fileName, mimeType };
  } catch (error) {
    throw transferError(controller, error);
  } finally {
    dispose();
    await parts.return(undefined).catch(() => undefined);
  }
}

/** Known size: decided at once. Unknown: read ahead until past 10 MiB or the end. */
async function planUpload(
  parts: AsyncGenerator<NumberedPart>,
  size: number | undefined,
  partSize: number,
): Promise<Plan> {
  if (size !== undefined)
    return { big: size > BIG_FILE_THRESHOLD, total: size, totalParts: Math.ceil(size / partSize), ahead: [] };
  const ahead: NumberedPart[] = [];
  let read = 0;
  while (read <= BIG_FILE_THRESHOLD) {
    const next = await parts.next();
    if (next.done === true) break;
    ahead.push(next.value);
    read += next.value.bytes.length;
    if (next.value.last) return { big: read > BIG_FILE_THRESHOLD, total: read, totalParts: ahead.length, ahead };
  }
  if (ahead.length === 0) return { big: false, total: 0, totalParts: 0, ahead };
  // Past 10 MiB and still going: a streamed big upload (https://core.telegram.org/api/files#streamed-uploads).
  return { big: true, total: undefined, totalParts: undefined, ahead };
}

async function sendPart(
  client: FileClient,
  fileId: bigint,
  part: NumberedPart,
  plan: Plan,
  signal: AbortSignal,
): Promise<void> {
  const options = { media: true, signal };
  let ok: boolean;
  if (plan.big) {
    // -1 until the count is known: every part but the last of a streamed upload.
    const total = plan.totalParts ?? (part.last ? part.index + 1 : -1);
    ok = await client.invoke(
      { _: "upload.saveBigFilePart", fileId, filePart: part.index, fileTotalParts: total, bytes: part.bytes },
      options,
    );
  } else {
    ok = await client.invoke({ _: "upload.saveFilePart", fileId, filePart: part.index, bytes: part.bytes }, options);
  }
  if (!ok) throw new FileTransferError("BAD_PART_LENGTH", `the server refused part ${String(part.index)} (boolFalse)`);
}

/** Runs every task; the first failure aborts the others (their parts stop) and is rethrown once all settled. */
async function runAll(tasks: readonly Promise<void>[], controller: AbortController): Promise<void> {
  let failure: { error: unknown } | undefined;
  await Promise.all(
    tasks.map((task) =>
      task.catch((error: unknown) => {
        failure ??= { error };
        if (!controller.signal.aborted) controller.abort(error);
      }),
    ),
  );
  if (failure !== undefined) throw failure.error;
}

function randomFileId(client: FileClient): bigint {
  const bytes = client.crypto.randomFill(new Uint8Array(8));
  return new DataView(bytes.buffer).getBigInt64(0, true);
}
