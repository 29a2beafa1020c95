export type { TlCombinator, TlParam, TlPrimitive, TlSchema, TlTypeRef } from "./ast.js";
export { crc32, crc32Text } from "./crc32.js";
export { TlParseError } from "./errors.js";
export { KNOWN_ID_EXCEPTIONS } from "./known-id-exceptions.js";
export { normalizeCombinator } from "./normalize.js";
export { type ParsedSchema, parseSchema } from "./schema.js";
export type { SplitOptions } from "./statements.js";
export { normalizeTypeRef, parseTypeRef } from "./type-ref.js";
export { findIdMismatches, type IdMismatch, type IdMismatchReason } from "./verify-ids.js";
