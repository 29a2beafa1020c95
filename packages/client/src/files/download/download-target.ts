import type { RawDocument, RawMessageMediaDocument, TypeInputFileLocation } from "@mtkit/tl-core/api";

/** What can be downloaded: a location (with its DC and size when known), a document, or a document message media. */
export type DownloadTarget =
  | TypeInputFileLocation
  | RawDocument
  | RawMessageMediaDocument
  | { readonly location: TypeInputFileLocation; readonly dcId?: number; readonly size?: number };

/** A target reduced to what the transfer needs. `size` is the server's claim: a bound and a progress total, never a buffer size. */
export interface ResolvedTarget {
  readonly location: TypeInputFileLocation;
  readonly dcId: number | undefined;
  readonly size: number | undefined;
}

export function resolveTarget(target: DownloadTarget): ResolvedTarget {
  if ("location" in target) return { location: target.location, dcId: target.dcId, size: target.size };
  if (target._ === "messageMediaDocument") {
    if (target.document?._ !== "document") throw new TypeError("the message media has no document to download");
    return resolveTarget(target.document);
  }
  if (target._ === "document") {
    return {
      location: {
        _: "inputDocumentFileLocation",
        id: target.id,
        accessHash: target.accessHash,
        fileReference: target.fileReference,
        thumbSize: "",
      },
      dcId: target.dcId,
      size: Number(target.size),
    };
  }
  return { location: target, dcId: undefined, size: undefined };
}
