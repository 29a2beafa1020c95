export { installFiles, type FileHandle, type FilesOptions, type FilesSlice } from "./install-files.js";
export type { StoredFile } from "./file-store.js";
export type { CdnFaults } from "./cdn/cdn-state.js";
export { syntheticByte } from "./file-content.js";
export { noiseChunks } from "./noise.js";
export { BIG_FILE_THRESHOLD, HASH_PART_SIZE, MAX_GET_LIMIT, MAX_PART_SIZE, MAX_PARTS } from "./file-rules.js";
