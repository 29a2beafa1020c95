import type { AllocationGuard } from "./alloc-guard.js";
import type { Rng } from "./rng.js";

/** One parser under fuzz. `run` feeds it one input and returns the outcome ("ok" or a typed error code). */
export interface FuzzTarget {
  readonly name: string;
  /** Throws only what is not a typed error of the layer: that is a finding. */
  run(rng: Rng, guard: AllocationGuard): string;
}

/** The outcome label of a typed error (`Class:CODE`), or rethrows anything else. */
export function typedOutcome(error: unknown, types: readonly (abstract new (...args: never[]) => Error)[]): string {
  if (!types.some((type) => error instanceof type)) throw error;
  const code = (error as { readonly code?: unknown }).code;
  return `${(error as Error).name}:${typeof code === "string" ? code : "?"}`;
}
