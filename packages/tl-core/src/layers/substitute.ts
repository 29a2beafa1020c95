import type { TlCombinator } from "../parser/ast.js";
import { fieldsOf, isRequired } from "./fields.js";
import type { LayerModel } from "./layer-model.js";

/** Placeholders an older client already knows how to show for "something newer than me". */
const PLACEHOLDER = /(Unsupported|Empty)$/;

/**
 * The constructor of layer `model` that stands in for `c`, a base constructor the layer has no
 * same-named counterpart of: one of the same boxed type, missing the fewest of its required fields
 * (those `c` cannot supply under the same name and type); among equals, a placeholder (…Unsupported,
 * …Empty), then the one sharing most fields with `c`. Undefined when the layer lacks the type.
 */
export function substituteFor(model: LayerModel, c: TlCombinator): TlCombinator | undefined {
  if (c.result.kind !== "boxed") return undefined;
  const candidates = model.byType.get(c.result.name);
  if (candidates === undefined) return undefined;
  const supplied = new Set(fieldsOf(c).map((f) => `${f.key}:${f.typeText}`));
  let best: TlCombinator | undefined;
  let bestScore: readonly number[] = [];
  for (const candidate of candidates) {
    const fields = fieldsOf(candidate);
    const missing = fields.filter((f) => isRequired(f.param) && !supplied.has(`${f.key}:${f.typeText}`)).length;
    const shared = fields.filter((f) => supplied.has(`${f.key}:${f.typeText}`)).length;
    const score = [missing, PLACEHOLDER.test(candidate.name) ? 0 : 1, -shared];
    if (best === undefined || lexicallyLess(score, bestScore)) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

function lexicallyLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}
