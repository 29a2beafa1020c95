import type { TypeInputFileLocation } from "@mtkit/tl-core/api";
import { RpcError } from "../../errors/rpc-error.js";
import type { FileClient } from "../file-client.js";
import { FileTransferError } from "../file-transfer-error.js";
import { refreshedLocation, type TargetOrigin } from "./download-target.js";

/** Fresh references one download may fetch before it gives up with FileTransferError FILE_REFERENCE_EXPIRED. */
export const MAX_REFERENCE_REFRESHES = 3;

/** Whether an error says the location's file reference is stale (https://core.telegram.org/api/file_reference). */
export function isStaleReference(error: unknown): boolean {
  return (
    error instanceof RpcError && (error.name === "FILE_REFERENCE_EXPIRED" || error.name === "FILE_REFERENCE_INVALID")
  );
}

/**
 * The current location of a download, renewed when the server calls its file reference stale: the
 * message the file came from is fetched again and the same file's fresh location taken from it. Parts
 * failing at once share one refetch; a part whose location was already renewed just retries.
 */
export class ReferenceRefresher {
  #location: TypeInputFileLocation;
  #refreshing: Promise<TypeInputFileLocation> | undefined;
  #refreshes = 0;

  constructor(
    private readonly client: FileClient,
    location: TypeInputFileLocation,
    private readonly origin: TargetOrigin | undefined,
  ) {
    this.#location = location;
  }

  get location(): TypeInputFileLocation {
    return this.#location;
  }

  /**
   * The location to retry with, after `used` got the stale-reference `error`. A target that is no
   * message has nothing to refetch: the server's error stands.
   */
  async renew(used: TypeInputFileLocation, error: unknown, signal: AbortSignal): Promise<TypeInputFileLocation> {
    if (used !== this.#location) return this.#location;
    if (this.origin === undefined || this.client.refetchMessage === undefined) throw error;
    this.#refreshing ??= this.#refetch(signal).finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  async #refetch(signal: AbortSignal): Promise<TypeInputFileLocation> {
    const { origin, client } = this;
    if (origin === undefined || client.refetchMessage === undefined)
      throw new FileTransferError(
        "FILE_REFERENCE_EXPIRED",
        "the file reference expired; download from the message to have it refreshed",
      );
    if (++this.#refreshes > MAX_REFERENCE_REFRESHES)
      throw new FileTransferError(
        "FILE_REFERENCE_EXPIRED",
        `the file reference was still stale after ${String(MAX_REFERENCE_REFRESHES)} fresh ones`,
      );
    const message = await client.refetchMessage(origin.chatId, origin.messageId, signal);
    const fresh = refreshedLocation(message?._ === "message" ? message.media : undefined, this.#location);
    if (fresh === undefined)
      throw new FileTransferError(
        "FILE_REFERENCE_EXPIRED",
        `message ${String(origin.messageId)} no longer has this file`,
      );
    this.#location = fresh;
    return fresh;
  }
}
