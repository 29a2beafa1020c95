import type { TlCombinator } from "./ast.js";
import { crc32Text } from "./crc32.js";
import { normalizeCombinator } from "./normalize.js";

export type IdMismatchReason =
  /** Id computed with `bytes` left as `bytes` (e.g. ipPortSecret). */
  | "bytes-kept"
  /** TDLib renamed the constructor (`…Legacy`, `decryptedMessage8`) but kept the original id. */
  | "renamed"
  | "unexplained";

export interface IdMismatch {
  readonly name: string;
  readonly explicitId: number;
  readonly computedId: number;
  readonly reason: IdMismatchReason;
}

/** Every combinator whose explicit id differs from the CRC32 of its normalised text, with why. */
export function findIdMismatches(combinators: readonly TlCombinator[]): IdMismatch[] {
  const mismatches: IdMismatch[] = [];
  for (const c of combinators) {
    if (c.explicitId === undefined || c.explicitId === c.computedId) continue;
    mismatches.push({ name: c.name, explicitId: c.explicitId, computedId: c.computedId, reason: explain(c) });
  }
  return mismatches;
}

function explain(c: TlCombinator): IdMismatchReason {
  const id = (text: string): number => crc32Text(text) | 0;
  if (id(normalizeCombinator(c.name, c.generics, c.params, c.result, true)) === c.explicitId) return "bytes-kept";
  const original = c.name.replace(/(Legacy|\d+)$/, "");
  if (original !== c.name && id(normalizeCombinator(original, c.generics, c.params, c.result)) === c.explicitId)
    return "renamed";
  return "unexplained";
}
