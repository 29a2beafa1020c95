import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apiRegistry } from "../src/api.js";
import { runCli } from "../src/cli/run.js";
import { BOOL_CONSTRUCTORS } from "../src/codegen/model.js";
import { fromJson, parseTl, stringifyTl, toJson } from "../src/json/convert.js";
import { encodeObject } from "../src/runtime/codec.js";
import type { TlObject } from "../src/runtime/types.js";
import { randomObject } from "./random-value.js";
import { schemas } from "./schemas.js";

describe("JSON", () => {
  it("round-trips bigint, bytes, odd doubles exactly", () => {
    const value = {
      _: "x",
      a: -(2n ** 63n),
      b: new Uint8Array([0, 255]),
      c: [NaN, Infinity, -Infinity, -0, 1.5],
      d: "s",
      e: true,
      f: undefined,
    };
    const json = stringifyTl(value);
    expect(json).toBe(
      '{"_":"x","a":{"$long":"-9223372036854775808"},"b":{"$bytes":"AP8="},"c":[{"$double":"NaN"},{"$double":"Infinity"},{"$double":"-Infinity"},{"$double":"-0"},1.5],"d":"s","e":true}',
    );
    const back = parseTl(json) as Record<string, unknown>;
    expect(back).toEqual({ ...value, f: undefined });
    expect(Object.is((back.c as number[])[3], -0)).toBe(true);
  });

  it("round-trips random objects of every API constructor to the same bytes", () => {
    const { model, registry } = schemas[1]!;
    const ctors = model.constructors.filter((c) => !BOOL_CONSTRUCTORS.has(c.name));
    fc.assert(
      fc.property(fc.gen(), fc.nat({ max: ctors.length - 1 }), (g, index) => {
        const value = randomObject(g, model, ctors[index]!, 0) as unknown as TlObject;
        const again = fromJson(JSON.parse(JSON.stringify(toJson(value))) as never) as TlObject;
        expect(encodeObject(registry, again)).toEqual(encodeObject(registry, value));
      }),
      { numRuns: 500 },
    );
  });
});

describe("tl CLI", () => {
  it("encodes JSON to hex and decodes it back", () => {
    const encoded = runCli(["encode", "--schema", "mtproto", '{"_":"ping","pingId":{"$long":"1"}}']);
    expect(encoded).toEqual({ ok: true, output: "ec77be7a0100000000000000" });
    const decoded = runCli(["decode", "--schema", "mtproto", encoded.output]);
    expect(JSON.parse(decoded.output)).toEqual({ _: "ping", pingId: { $long: "1" } });
    const base64 = Buffer.from(encodeObject(apiRegistry, { _: "help.getConfig" })).toString("base64");
    expect(JSON.parse(runCli(["decode", base64]).output)).toEqual({ _: "help.getConfig" });
  });

  it("reports bad input and usage", () => {
    const bad = runCli(["decode", "--schema", "api", "ec77be7a01"]);
    expect(bad.ok).toBe(false);
    expect(bad.output).toContain("UNEXPECTED_END");
    expect(runCli(["frob"]).ok).toBe(false);
    expect(runCli(["decode", "--schema", "nope", "00"]).output).toContain("usage");
  });
});
