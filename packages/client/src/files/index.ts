// Files: uploads and downloads in parallel parts, CDN DCs (https://core.telegram.org/api/files).
export { FileTransferError, type FileTransferErrorCode } from "./file-transfer-error.js";
export type { FileClient, FileInvokeOptions, ProgressCallback } from "./file-client.js";
export { uploadFile, type UploadedFile, type UploadFileOptions } from "./upload/upload-file.js";
export type { UploadSource } from "./upload/upload-source.js";
export { downloadAsIterable, type DownloadOptions } from "./download/download-iterable.js";
export { downloadAsStream } from "./download/download-stream.js";
export { downloadAsBuffer, DEFAULT_MAX_BUFFER_BYTES } from "./download/download-buffer.js";
export type { DownloadTarget } from "./download/download-target.js";
export {
  BIG_FILE_THRESHOLD,
  CDN_HASH_PART,
  MAX_DOWNLOAD_PART,
  MAX_UPLOAD_PART,
  MAX_UPLOAD_PARTS,
} from "./transfer-rules.js";
export { sendFile, type CaptionOptions, type SendFileOptions, type SendFileSource } from "./send/send-file.js";
export { MAX_ALBUM_ITEMS, sendFiles, type AlbumItem, type SendFilesOptions } from "./send/send-files.js";
export { MAX_THUMB_BYTES, type MediaOptions } from "./send/uploaded-media.js";
export type { AudioAttributes, DocumentAttributeOptions, VideoAttributes } from "./send/document-attributes.js";
export { SendMediaError, type SendMediaErrorCode } from "./send/send-media-error.js";
export { isPhotoType, mimeTypeOf } from "./send/media-type.js";
export { MAX_REFERENCE_REFRESHES } from "./download/reference-refresher.js";
