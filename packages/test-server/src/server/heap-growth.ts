import { setFlagsFromString } from "node:v8";

/** Default growth of V8's old generation past the live heap before the next full collection (%). */
export const DEFAULT_HEAP_GROWTH_PERCENT = 30;

/**
 * Makes V8 collect its old generation once it has grown `percent` % past what the last full
 * collection left, instead of the 1.1x-4x it picks by itself (typically ~3x under load). Under a
 * connection flood (issue 13) every connection the server closes is garbage in the old generation,
 * and that heuristic let ~70 MiB of live heap peak at 220-240 MiB of heap used: the memory budget
 * (`limits.memoryBudgetBytes`) cannot hold without this. It costs more frequent full collections.
 * Process-wide (a V8 flag, read at each collection, so it works after start): for a process that
 * runs a server, which is why `TestServer.start` does not call it and the CLI does.
 */
export function limitHeapGrowth(percent = DEFAULT_HEAP_GROWTH_PERCENT): void {
  if (!Number.isInteger(percent) || percent < 1 || percent > 400)
    throw new RangeError(`heap growth ${percent} % is not an integer from 1 to 400`);
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
