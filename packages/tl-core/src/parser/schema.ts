import type { TlCombinator, TlSchema } from "./ast.js";
import { parseCombinator } from "./combinator.js";
import { TlParseError } from "./errors.js";
import { type SplitOptions, splitStatements } from "./statements.js";

export interface ParsedSchema extends TlSchema {
  /** Declarations left out on purpose, with the reason. */
  readonly skipped: readonly { readonly name: string; readonly line: number; readonly reason: string }[];
}

/**
 * Parses a whole `.tl` file. TDLib's pseudo-methods (`invokeWith*Prefix = Error`) reuse the id of a
 * real method so TDLib can write just a wrapper header; they are skipped, and any other duplicate id
 * is an error.
 */
export function parseSchema(source: string, options: SplitOptions = {}): ParsedSchema {
  const { statements, layer } = splitStatements(source, options);
  const parsed: TlCombinator[] = [];
  for (const statement of statements) {
    const combinator = parseCombinator(statement);
    if (combinator) parsed.push(combinator);
  }
  const skipped: { name: string; line: number; reason: string }[] = [];
  const byId = new Map<number, TlCombinator>();
  const kept: TlCombinator[] = [];
  for (const combinator of parsed) {
    const isPseudo = (c: TlCombinator): boolean =>
      c.kind === "method" &&
      c.result.kind === "boxed" &&
      c.result.name === "Error" &&
      c.params.every((p) => p.type.kind !== "generic");
    const twins = parsed.filter((other) => other !== combinator && other.id === combinator.id);
    if (isPseudo(combinator) && twins.some((t) => t.kind === "method")) {
      skipped.push({
        name: combinator.name,
        line: combinator.line,
        reason: `pseudo-method sharing the id of ${twins[0]!.name}`,
      });
      continue;
    }
    const existing = byId.get(combinator.id);
    if (existing)
      throw new TlParseError("DUPLICATE", combinator.line, `id of ${combinator.name} already used by ${existing.name}`);
    byId.set(combinator.id, combinator);
    kept.push(combinator);
  }
  return {
    constructors: kept.filter((c) => c.kind === "constructor"),
    methods: kept.filter((c) => c.kind === "method"),
    layer,
    skipped,
  };
}
