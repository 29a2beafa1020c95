import { KNOWN_ID_EXCEPTIONS } from "../parser/known-id-exceptions.js";
import { parseSchema } from "../parser/schema.js";
import { findIdMismatches } from "../parser/verify-ids.js";
import { emitEntries } from "./emit-entries.js";
import { emitIndex } from "./emit-results.js";
import { emitTable } from "./emit-table.js";
import { emitReaders } from "./emit-readers.js";
import { emitTypes } from "./emit-types.js";
import { emitWriters } from "./emit-writers.js";
import { buildModel } from "./model.js";

export interface SchemaJob {
  /** File name, used to look up the known id exceptions. */
  readonly file: string;
  readonly source: string;
  readonly registryName: string;
  readonly includeParsedManually?: boolean;
  /** See ModelOptions.textStrings. */
  readonly textStrings?: ReadonlySet<string>;
  /** Extra lines for the generated index (e.g. `export const LAYER = 228;`). */
  readonly extra?: readonly string[];
}

/** Generated files (name -> text) for one schema. Throws if an id mismatch is not a known exception. */
export function generateSchema(job: SchemaJob): Map<string, string> {
  const schema = parseSchema(job.source, { includeParsedManually: job.includeParsedManually ?? false });
  const known = KNOWN_ID_EXCEPTIONS[job.file] ?? {};
  const found = findIdMismatches([...schema.constructors, ...schema.methods]);
  const problems: string[] = [];
  for (const m of found)
    if (known[m.name] !== m.reason) problems.push(`${m.name}: ${m.reason} (known: ${known[m.name] ?? "no"})`);
  for (const name of Object.keys(known))
    if (!found.some((m) => m.name === name)) problems.push(`${name}: listed but matches now`);
  if (problems.length > 0) throw new Error(`${job.file}: constructor id check failed:\n  ${problems.join("\n  ")}`);
  // Writers are keyed by `_`, so a method and a constructor must never share a name.
  const names = new Set<string>();
  for (const c of [...schema.constructors, ...schema.methods]) {
    if (names.has(c.name)) throw new Error(`${job.file}: the name ${c.name} is used twice`);
    names.add(c.name);
  }
  const model = buildModel(
    schema.constructors,
    schema.methods,
    job.textStrings ? { textStrings: job.textStrings } : {},
  );
  return new Map([
    ["types.ts", emitTypes(model)],
    ["readers.ts", emitReaders(model)],
    ["writers.ts", emitWriters(model)],
    ["table.ts", emitTable(model)],
    ["entries.ts", emitEntries(model)],
    ["index.ts", emitIndex(job.registryName, job.extra ?? [])],
  ]);
}
