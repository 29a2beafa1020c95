// Public surface of @mtkit/tl-core (no generated schema here; see ./mtproto, ./api, ./secret).
export { TlError, type TlErrorCode, hexId } from "./runtime/errors.js";
export { BOOL_FALSE_ID, BOOL_TRUE_ID, GZIP_PACKED_ID, RPC_ERROR_ID, VECTOR_ID } from "./runtime/ids.js";
export { MAX_DEPTH } from "./runtime/limits.js";
export { TlReader, type TlReaderOptions } from "./runtime/reader.js";
export {
  readBool,
  readBoolResult,
  readBytes,
  readDouble,
  readInt,
  readInt128,
  readInt256,
  readLong,
  readObject,
  readString,
  readVectorResult,
} from "./runtime/element-readers.js";
export { TlWriter } from "./runtime/writer.js";
export {
  writeBool,
  writeBytes,
  writeDouble,
  writeInt,
  writeInt128,
  writeInt256,
  writeLong,
  writeObject,
  writeString,
} from "./runtime/element-writers.js";
export { ANY_TYPE } from "./runtime/types.js";
export type {
  TlEntry,
  TlObject,
  TlReadFn,
  TlReaderEntry,
  TlRegistry,
  TlResultEntry,
  TlWriterEntry,
} from "./runtime/types.js";
export { combineRegistries, registryOf, resultMethodOf } from "./runtime/registry.js";
export { tableRegistry, type TableRegistryOptions } from "./runtime/table/table-registry.js";
export { decodeObject, decodeResult, encodeObject, sizeOfObject } from "./runtime/codec.js";
export * from "./parser/index.js";
export { fromJson, type JsonValue, parseTl, stringifyTl, toJson } from "./json/index.js";
