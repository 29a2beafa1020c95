import type { TestServer } from "../../src/index.js";

/** help.getNearestDc's answer on DC `dcId`, as the built-in handler gives it. */
export const nearestDc = (dcId: number) => ({ _: "nearestDc" as const, country: "ZZ", thisDc: dcId, nearestDc: dcId });

/**
 * Installs the usual help.getNearestDc handler, counting how often it runs: a call that survives a
 * fault (bad salt, disconnect, silent connection) must run exactly once. `onRun` fires inside the
 * handler, e.g. to inject a fault mid-call.
 */
export function countNearestDcRuns(server: TestServer, onRun?: () => void): { readonly runs: number } {
  const counter = { runs: 0 };
  server.handle("help.getNearestDc", (_request, ctx) => {
    counter.runs++;
    onRun?.();
    return nearestDc(ctx.dcId);
  });
  return counter;
}
