import { TlReader, type TlReaderOptions } from "./reader.js";
import { resultMethodOf } from "./registry.js";
import type { TlObject, TlRegistry } from "./types.js";
import { TlWriter } from "./writer.js";

// One scratch writer per registry: encoding reuses its buffer and only copies the result out.
const scratch = new WeakMap<TlRegistry, TlWriter>();

function scratchWriter(registry: TlRegistry): TlWriter {
  let writer = scratch.get(registry);
  if (writer === undefined) {
    writer = new TlWriter(registry, 4096);
    scratch.set(registry, writer);
  }
  writer.reset();
  return writer;
}

/** Serialises a boxed object (constructor id + body). */
export function encodeObject(registry: TlRegistry, value: TlObject): Uint8Array {
  const writer = scratchWriter(registry);
  writer.object(value);
  return writer.finish();
}

/**
 * Exact size in bytes of the boxed object. It is found by writing into the scratch buffer (no copy),
 * which costs about as much as a counting pass and cannot disagree with the real encoding.
 */
export function sizeOfObject(registry: TlRegistry, value: TlObject): number {
  const writer = scratchWriter(registry);
  writer.object(value);
  return writer.pos;
}

/** Decodes one boxed object and checks that no bytes are left over. */
export function decodeObject(registry: TlRegistry, bytes: Uint8Array, options?: TlReaderOptions): unknown {
  const reader = new TlReader(registry, bytes, options);
  const value = reader.object();
  reader.expectEnd();
  return value;
}

/**
 * Decodes the result of `request` (a method object or a method name). Wrappers such as
 * `invokeWithLayer` are looked through to the inner query. Results that are `rpc_error` or
 * `gzip_packed` come back as those objects.
 */
export function decodeResult(registry: TlRegistry, request: TlObject | string, bytes: Uint8Array): unknown {
  const reader = new TlReader(registry, bytes);
  const method = typeof request === "string" ? request : resultMethodOf(registry, request);
  const value = reader.result(method);
  reader.expectEnd();
  return value;
}
