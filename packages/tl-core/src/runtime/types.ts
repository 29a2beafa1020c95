import type { TlReader } from "./reader.js";
import type { TlWriter } from "./writer.js";

/** Any TL object: a plain object tagged with its constructor name, e.g. `{ _: "message", ... }`. */
export interface TlObject {
  readonly _: string;
}

/** Reads the body of one constructor (its id has already been consumed). */
export type TlReadFn = (reader: TlReader) => unknown;

/** `typeId` meaning "any boxed type": never the id of a type (codegen checks), and the type of methods. */
export const ANY_TYPE = 0;

/**
 * How the registry reads one constructor id: the body reader and the id of the boxed type the
 * constructor belongs to (see codegen/type-ids.ts; ANY_TYPE for methods, which belong to no type).
 * Generated readers compare `type` with the declared type of a field, one integer compare per object.
 */
export interface TlReaderEntry {
  readonly read: TlReadFn;
  readonly type: number;
}

/** Writes one constructor: `id` goes first when boxed, then `write` puts the body. */
export interface TlWriterEntry {
  readonly id: number;
  // Method syntax on purpose: each generated writer takes its own constructor's interface.
  write(writer: TlWriter, value: TlObject): void;
}

/** How to read the result of a method: a reader, or the name of the `!X` field for generic wrappers. */
export type TlResultEntry = TlReadFn | { readonly genericField: string };

/** Everything the runtime needs to read and write one or more schemas. */
export interface TlRegistry {
  /** Body readers and result types keyed by signed 32-bit constructor id (constructors and methods). */
  readonly readers: ReadonlyMap<number, TlReaderEntry>;
  /** Writers keyed by constructor or method name (`_`). */
  readonly writers: ReadonlyMap<string, TlWriterEntry>;
  /** Result readers keyed by method name. */
  readonly results: ReadonlyMap<string, TlResultEntry>;
}

/**
 * One constructor or method with everything a registry needs for it (generated as `c_<name>` in each
 * schema's entries.ts); `registryOf` builds a registry from a list of them. `write` is undefined
 * only for boolTrue/boolFalse, which are written as the Bool primitive.
 */
export interface TlEntry {
  readonly id: number;
  readonly name: string;
  readonly type: number;
  readonly read: TlReadFn;
  readonly write: TlWriterEntry["write"] | undefined;
  /** Methods only: how to read the result. */
  readonly result?: TlResultEntry;
}
