import type { TypeInputFileLocation, upload_RawFileCdnRedirect } from "@mtkit/tl-core/api";
import { RpcError } from "../../errors/rpc-error.js";
import { cdnCtr } from "../cdn/cdn-ctr.js";
import { CdnHashes } from "../cdn/cdn-hashes.js";
import type { FileClient } from "../file-client.js";
import { FileTransferError } from "../file-transfer-error.js";
import type { TargetOrigin } from "./download-target.js";
import { isStaleReference, ReferenceRefresher } from "./reference-refresher.js";

/** How often one part may ask for a CDN re-upload before we call the CDN broken. */
const MAX_REUPLOADS = 3;

interface CdnRoute {
  readonly redirect: upload_RawFileCdnRedirect;
  readonly hashes: CdnHashes;
}

/**
 * Fetches one part of a file: upload.getFile on the file's DC, or, once the DC redirected us
 * (upload.fileCdnRedirect), upload.getCdnFile on the CDN DC, decrypted and checked against the
 * master DC's hashes before anyone sees it (https://core.telegram.org/cdn).
 */
export class PartFetcher {
  #cdn: CdnRoute | undefined;
  /** FILE_TOKEN_INVALID: the CDN route is gone, parts come from the master DC again. */
  #cdnRefused = false;

  readonly #references: ReferenceRefresher;

  constructor(
    private readonly client: FileClient,
    location: TypeInputFileLocation,
    private readonly dcId: number | undefined,
    origin?: TargetOrigin,
  ) {
    this.#references = new ReferenceRefresher(client, location, origin);
  }

  async fetch(offset: number, limit: number, signal: AbortSignal): Promise<Uint8Array> {
    if (this.#cdn !== undefined) return this.#fromCdn(this.#cdn, offset, limit, signal);
    let answer;
    // Bounded by the refresher: it gives up after MAX_REFERENCE_REFRESHES fresh references.
    for (;;) {
      const location = this.#references.location;
      try {
        answer = await this.client.invoke(
          {
            _: "upload.getFile",
            location,
            offset: BigInt(offset),
            limit,
            ...(this.#cdnRefused ? {} : { cdnSupported: true }),
          },
          { ...(this.dcId === undefined ? {} : { dcId: this.dcId }), media: true, signal },
        );
        break;
      } catch (error) {
        if (!isStaleReference(error)) throw error;
        // Continue from the same offset with the fresh reference.
        await this.#references.renew(location, error, signal);
      }
    }
    if (answer._ === "upload.file") return answer.bytes;
    // Parts asked at the same time may each get a redirect: the first one wins, the others follow it.
    this.#cdn ??= this.#route(answer);
    return this.#fromCdn(this.#cdn, offset, limit, signal);
  }

  #route(redirect: upload_RawFileCdnRedirect): CdnRoute {
    if (
      redirect.encryptionKey.length !== 32 ||
      redirect.encryptionIv.length !== 16 ||
      redirect.fileToken.length === 0
    ) {
      throw new FileTransferError("BAD_REDIRECT", "upload.fileCdnRedirect with a key, iv or token of the wrong length");
    }
    const hashes = new CdnHashes();
    hashes.add(redirect.fileHashes);
    return { redirect, hashes };
  }

  async #fromCdn(route: CdnRoute, offset: number, limit: number, signal: AbortSignal): Promise<Uint8Array> {
    const { redirect } = route;
    const master = this.dcId === undefined ? {} : { dcId: this.dcId };
    for (let reuploads = 0; ; reuploads++) {
      let answer;
      try {
        answer = await this.client.invokeCdn(
          redirect.dcId,
          { _: "upload.getCdnFile", fileToken: redirect.fileToken, offset: BigInt(offset), limit },
          signal,
        );
      } catch (error) {
        if (!(error instanceof RpcError && error.name === "FILE_TOKEN_INVALID")) throw error;
        // The master DC no longer accepts the token: download from it directly (https://core.telegram.org/method/upload.getCdnFile).
        this.#cdnRefused = true;
        if (this.#cdn === route) this.#cdn = undefined;
        return this.fetch(offset, limit, signal);
      }
      if (answer._ === "upload.cdnFile") {
        if (answer.bytes.length > limit)
          throw new FileTransferError(
            "BAD_PART_LENGTH",
            `CDN sent ${String(answer.bytes.length)} bytes for a limit of ${String(limit)}`,
            offset,
          );
        const plain = cdnCtr(this.client.crypto, redirect.encryptionKey, redirect.encryptionIv, offset, answer.bytes);
        for (let at = offset; at < offset + plain.length; at += 128 * 1024) {
          if (!route.hashes.has(at))
            route.hashes.add(
              await this.client.invoke(
                { _: "upload.getCdnFileHashes", fileToken: redirect.fileToken, offset: BigInt(at) },
                { ...master, signal },
              ),
            );
        }
        route.hashes.verify(this.client.crypto, offset, plain);
        return plain;
      }
      if (reuploads >= MAX_REUPLOADS)
        throw new FileTransferError(
          "BAD_REDIRECT",
          `the CDN asked for a re-upload ${String(MAX_REUPLOADS)} times`,
          offset,
        );
      // The CDN lost the file: the master DC uploads it again and sends fresh hashes.
      route.hashes.add(
        await this.client.invoke(
          { _: "upload.reuploadCdnFile", fileToken: redirect.fileToken, requestToken: answer.requestToken },
          { ...master, signal },
        ),
      );
    }
  }
}
