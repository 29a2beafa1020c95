import { readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import { OUTPUT_PATH, renderKnownRpcErrors, SOURCE_PATH } from "../scripts/gen-rpc-errors.js";
import type { KnownRpcErrorName, KnownRpcErrors } from "../src/index.js";

describe("generated known RPC errors", () => {
  it("are up to date with packages/tl-core/schema/rpc-errors.mtcute-223.json", () => {
    // Fails when the schema list changes and `pnpm run generate` was not run.
    expect(readFileSync(OUTPUT_PATH, "utf8")).toBe(renderKnownRpcErrors(readFileSync(SOURCE_PATH, "utf8")));
  });

  it("cover every name of the list plus FLOOD_PREMIUM_WAIT, numbers stripped", () => {
    const source = JSON.parse(readFileSync(SOURCE_PATH, "utf8")) as { errors: Record<string, unknown> };
    const generated = readFileSync(OUTPUT_PATH, "utf8");
    const names = [...generated.matchAll(/^ {2}readonly "([^"]+)": (-?\d+);$/gm)].map((m) => m[1]);
    expect(Object.keys(source.errors)).toHaveLength(552);
    // 552 - 1 (EMAIL_UNCONFIRMED and EMAIL_UNCONFIRMED_%d are one name) + 1 (FLOOD_PREMIUM_WAIT).
    expect(names).toHaveLength(552);
    expect(new Set(names).size).toBe(552);
    expect(names).toContain("FLOOD_WAIT");
    expect(names).toContain("FILE_PART_MISSING");
    expect(names).toContain("FLOOD_PREMIUM_WAIT");
    expect(names.some((n) => n?.includes("%d"))).toBe(false);
  });

  it("types names and codes", () => {
    expectTypeOf<"FLOOD_WAIT">().toExtend<KnownRpcErrorName>();
    expectTypeOf<KnownRpcErrors["PHONE_MIGRATE"]>().toEqualTypeOf<303>();
  });
});
