import type { TlReader } from "./reader.js";
import type { TlWriter } from "./writer.js";

/** Any TL object: a plain object tagged with its constructor name, e.g. `{ _: "message", ... }`. */
export interface TlObject {
  readonly _: string;
}

/** Reads the body of one constructor (its id has already been consumed). */
export type TlReadFn = (reader: TlReader) => unknown;

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
  /** Body readers keyed by signed 32-bit constructor id (constructors and methods). */
  readonly readers: ReadonlyMap<number, TlReadFn>;
  /** Writers keyed by constructor or method name (`_`). */
  readonly writers: ReadonlyMap<string, TlWriterEntry>;
  /** Result readers keyed by method name. */
  readonly results: ReadonlyMap<string, TlResultEntry>;
}
