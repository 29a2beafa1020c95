import type { SendFileOptions } from "../files/send/send-file.js";
import type { AlbumItem } from "../files/send/send-files.js";
import type { SendFileSource } from "../files/send/uploaded-media.js";
import { nodeUploadSource } from "./node-upload-source.js";

/** A file to send on Node: everything portable, plus a path (streamed, never read whole). */
export type NodeSendSource = SendFileSource | string;

/** `sendFile`'s options on Node: the thumbnail may be a path too. */
export type NodeSendFileOptions = Omit<SendFileOptions, "thumb"> & { readonly thumb?: NodeSendSource };

/** An album item on Node: a path, a portable source, or an item whose file or thumbnail may be a path. */
export type NodeAlbumItem =
  | NodeSendSource
  | (Omit<AlbumItem, "file" | "thumb"> & { readonly file: NodeSendSource; readonly thumb?: NodeSendSource });

interface Opened {
  readonly file: SendFileSource;
  readonly thumb: SendFileSource | undefined;
  /** From the path, for options that do not say them. */
  readonly size: number | undefined;
  readonly fileName: string | undefined;
}

async function open(file: NodeSendSource, thumb: NodeSendSource | undefined): Promise<Opened> {
  const openedThumb = typeof thumb === "string" ? (await nodeUploadSource(thumb)).source : thumb;
  if (typeof file !== "string") return { file, thumb: openedThumb, size: undefined, fileName: undefined };
  const input = await nodeUploadSource(file);
  return { file: input.source, thumb: openedThumb, size: input.size, fileName: input.name };
}

/** A path becomes a read stream with its size and (unless given) its name as the file name. */
export async function nodeSendFile(
  file: NodeSendSource,
  options: NodeSendFileOptions,
): Promise<{ readonly file: SendFileSource; readonly options: SendFileOptions }> {
  const { thumb, ...rest } = options;
  const opened = await open(file, thumb);
  return { file: opened.file, options: { ...rest, ...defaults(opened, options) } };
}

export async function nodeAlbumItem(entry: NodeAlbumItem): Promise<AlbumItem> {
  if (typeof entry !== "object" || !("file" in entry) || entry instanceof Uint8Array) {
    const opened = await open(entry, undefined);
    return { file: opened.file, ...defaults(opened, {}) };
  }
  const { file, thumb, ...rest } = entry;
  const opened = await open(file, thumb);
  return { ...rest, file: opened.file, ...defaults(opened, entry) };
}

function defaults(
  opened: Opened,
  given: { readonly size?: number; readonly fileName?: string },
): { thumb?: SendFileSource; size?: number; fileName?: string } {
  return {
    ...(opened.thumb === undefined ? {} : { thumb: opened.thumb }),
    ...(given.size === undefined && opened.size !== undefined ? { size: opened.size } : {}),
    ...(given.fileName === undefined && opened.fileName !== undefined ? { fileName: opened.fileName } : {}),
  };
}
