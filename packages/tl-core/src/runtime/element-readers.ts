import { BOOL_FALSE_ID, BOOL_TRUE_ID, VECTOR_ID } from "./ids.js";
import type { TlReader } from "./reader.js";
import type { TlReadFn } from "./types.js";

/** Element readers for vectors, shared so generated code does not create closures. */
export const readInt = (r: TlReader): number => r.int();
export const readNat = (r: TlReader): number => r.uint();
export const readLong = (r: TlReader): bigint => r.long();
export const readDouble = (r: TlReader): number => r.double();
export const readString = (r: TlReader): string => r.string();
export const readBytes = (r: TlReader): Uint8Array => r.bytes();
export const readInt128 = (r: TlReader): Uint8Array => r.int128();
export const readInt256 = (r: TlReader): Uint8Array => r.int256();
export const readBool = (r: TlReader): boolean => r.bool();
export const readObject: TlReadFn = (r) => r.object();

/**
 * Method results that are `Vector<T>` or `Bool` carry no usable type on the wire, so the reader is
 * told; but the server may send `rpc_error` or `gzip_packed` instead, which are read as objects.
 */
export function readVectorResult(
  r: TlReader,
  readElement: (reader: TlReader) => unknown,
  minElementSize: number,
): unknown {
  return r.peekInt() === VECTOR_ID ? r.vector(readElement, minElementSize) : r.object();
}

export function readBoolResult(r: TlReader): unknown {
  const id = r.peekInt();
  return id === BOOL_TRUE_ID || id === BOOL_FALSE_ID ? r.bool() : r.object();
}
