import type { CoreOutput } from "./update-batch.js";
import type { UpdatesCore } from "./updates-core.js";
import { isUpdatesObject } from "./result-updates.js";

/**
 * What a pushed object means for the core: an `Updates` constructor is ingested; an object that
 * could not be decoded may have carried events, so the difference is fetched; any other object is
 * reported and ignored (`fetchNeeds` false).
 */
export function ingestPush(
  core: UpdatesCore,
  object: unknown,
  now: number,
): { readonly output: CoreOutput; readonly fetchNeeds: boolean } {
  if (isUpdatesObject(object)) return { output: core.ingest(object, now), fetchNeeds: true };
  if (object === undefined)
    return {
      output: core.unreadable("a pushed object could not be decoded; fetching the difference"),
      fetchNeeds: true,
    };
  return {
    output: core.unreadable(`pushed ${describeObject(object)} is not an Updates constructor; ignored`),
    fetchNeeds: false,
  };
}

function describeObject(object: unknown): string {
  const name = typeof object === "object" && object !== null ? (object as { readonly _?: unknown })._ : undefined;
  return typeof name === "string" ? name : typeof object;
}
