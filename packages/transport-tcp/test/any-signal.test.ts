import { describe, expect, it } from "vitest";
import { anySignal } from "../src/transport/any-signal.js";

describe("anySignal", () => {
  it("aborts when any input aborts, natively and with the fallback", () => {
    const holder = AbortSignal as { any?: unknown };
    const native = holder.any;
    for (const useNative of [true, false]) {
      if (!useNative) holder.any = undefined;
      try {
        const a = new AbortController();
        const b = new AbortController();
        const combined = anySignal([a.signal, b.signal]);
        expect(combined.aborted).toBe(false);
        b.abort(new Error("stop"));
        expect(combined.aborted).toBe(true);
        expect(anySignal([AbortSignal.abort(), new AbortController().signal]).aborted).toBe(true);
      } finally {
        holder.any = native;
      }
    }
  });
});
