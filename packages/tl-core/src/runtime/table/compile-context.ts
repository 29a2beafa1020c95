import type { TlObject, TlReadFn } from "../types.js";
import type { TlWriter } from "../writer.js";
import type { TableDefinition } from "./parse-table.js";

export type TlWriteFn = (writer: TlWriter, value: TlObject) => void;

/** What compiling one definition needs from its table: the constructors that bare fields name. */
export interface CompileContext {
  /** `new Function` (fastest) or closures (for pages whose CSP forbids eval). */
  readonly mode: "function" | "closures";
  definition(name: string): TableDefinition;
  /** Body reader of the constructor `name` (bare `%T` fields). */
  bareReader(name: string): TlReadFn;
  bareWriter(name: string): TlWriteFn;
}
