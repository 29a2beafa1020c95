import { loadVectors } from "@mtkit/test-vectors";
import { describe, expect, it } from "vitest";
import { crc32, crc32Text } from "../src/parser/crc32.js";
import { TlParseError } from "../src/parser/errors.js";
import { KNOWN_ID_EXCEPTIONS } from "../src/parser/known-id-exceptions.js";
import { parseSchema } from "../src/parser/schema.js";
import { findIdMismatches } from "../src/parser/verify-ids.js";
import { readSchema } from "./schemas.js";

interface CrcVectors {
  constructor_examples: { normalized_string: string; constructor_id_u32: number }[];
  plain_crc32_examples: { ascii: string; crc32_u32: number }[];
  schema_scan: { file: string; combinators_with_explicit_id: number; crc_matches: number }[];
}
const vectors = loadVectors("crc32-constructor-ids") as CrcVectors;

describe("crc32", () => {
  it("matches the plain CRC32 vectors", () => {
    for (const v of vectors.plain_crc32_examples) {
      const text = v.ascii.startsWith("'a' repeated") ? "a".repeat(1_000_000) : v.ascii;
      expect(crc32(new TextEncoder().encode(text)), v.ascii).toBe(v.crc32_u32);
    }
  });

  it("matches the normalised-combinator vectors, and the parser produces those strings", () => {
    const api = parseSchema(readSchema("telegram_api.tl"));
    const all = [...api.constructors, ...api.methods];
    for (const v of vectors.constructor_examples) {
      expect(crc32Text(v.normalized_string), v.normalized_string).toBe(v.constructor_id_u32);
      // Some examples come from older layers (auth.logOut used to return Bool); compare those still current.
      const same = all.find((c) => c.id === (v.constructor_id_u32 | 0));
      if (same) expect(same.normalized).toBe(v.normalized_string);
    }
    expect(
      all.filter((c) => vectors.constructor_examples.some((v) => (v.constructor_id_u32 | 0) === c.id)).length,
    ).toBeGreaterThanOrEqual(5);
  });
});

describe("shipped schemas", () => {
  const files = [
    ["telegram_api.tl", false, 1648, 809],
    ["mtproto.tl", true, 54, 10],
    ["secret_api.tl", false, 88, 1],
  ] as const;

  it.each(files)("%s: computed ids equal explicit ids except the known exceptions", (file, manual, ctors, methods) => {
    const schema = parseSchema(readSchema(file), { includeParsedManually: manual });
    expect(schema.constructors).toHaveLength(ctors);
    expect(schema.methods).toHaveLength(methods);
    const all = [...schema.constructors, ...schema.methods];
    const mismatches = Object.fromEntries(findIdMismatches(all).map((m) => [m.name, m.reason]));
    expect(mismatches).toEqual(KNOWN_ID_EXCEPTIONS[file]);
    const explicit = all.filter((c) => c.explicitId !== undefined);
    const matching = explicit.filter((c) => c.explicitId === c.computedId).length;
    expect(matching + Object.keys(mismatches).length).toBe(explicit.length);
  });

  it("agrees with the vectors' scan of telegram_api.tl (2450 of 2460 explicit ids reproduce)", () => {
    const scan = vectors.schema_scan.find((s) => s.file === "telegram_api.tl")!;
    const schema = parseSchema(readSchema("telegram_api.tl"));
    const explicit = [...schema.constructors, ...schema.methods].filter((c) => c.explicitId !== undefined);
    // The scan also counts the builtin vector and the 4 pseudo-methods, which the parser leaves out.
    expect(explicit.length + 1 + schema.skipped.length).toBe(scan.combinators_with_explicit_id);
    expect(explicit.filter((c) => c.explicitId === c.computedId).length).toBe(scan.crc_matches);
  });

  it("skips TDLib's invokeWith*Prefix pseudo-methods", () => {
    const schema = parseSchema(readSchema("telegram_api.tl"));
    expect(schema.skipped.map((s) => s.name)).toEqual([
      "invokeWithBusinessConnectionPrefix",
      "invokeWithGooglePlayIntegrityPrefix",
      "invokeWithApnsSecretPrefix",
      "invokeWithReCaptchaPrefix",
    ]);
    expect(schema.methods.find((m) => m.name === "invokeWithBusinessConnection")?.id).toBe(0xdd289f8e | 0);
  });

  it("takes mtproto.tl's `// parsed manually` declarations only when asked", () => {
    const names = (manual: boolean): string[] =>
      parseSchema(readSchema("mtproto.tl"), { includeParsedManually: manual }).constructors.map((c) => c.name);
    expect(names(false)).not.toContain("rpc_result");
    expect(names(true)).toEqual(
      expect.arrayContaining(["rpc_result", "message", "msg_container", "gzip_packed", "msg_copy"]),
    );
  });
});

describe("syntax", () => {
  it("parses flags, flags2, true flags, generics, bare and nested vectors, %T, int128/int256", () => {
    const schema = parseSchema(`
      // comment
      /* block
         comment */
      a#00000001 flags:# x:flags.0?true y:flags.31?Vector<long> flags2:# z:flags2.3?int128 w:int256 = A;
      b {X:Type} list:vector<%A> nested:Vector<Vector<A>> q:!X = B;
      c = C; d = C;
      ---functions---
      f#00000002 {X:Type} id:long query:!X = X;
      g ids:Vector<long> = Vector<long>; // trailing comment
      h bare:a = Bool;
    `);
    const a = schema.constructors[0]!;
    expect(a.params.map((p) => [p.name, p.type.kind, p.condition?.bit])).toEqual([
      ["flags", "nat", undefined],
      ["x", "true", 0],
      ["y", "vector", 31],
      ["flags2", "nat", undefined],
      ["z", "primitive", 3],
      ["w", "primitive", undefined],
    ]);
    expect(a.normalized).toBe("a flags:# y:flags.31?Vector long flags2:# z:flags2.3?int128 w:int256 = A");
    expect(schema.constructors[1]!.normalized).toBe("b X:Type list:vector %A nested:Vector Vector A q:!X = B");
    expect(schema.methods.map((m) => m.name)).toEqual(["f", "g", "h"]);
    expect(schema.methods[0]!.result).toEqual({ kind: "generic", name: "X", bang: false });
    expect(schema.methods[2]!.params[0]!.type).toEqual({ kind: "bare", name: "a", percent: false });
    expect(schema.methods[1]!.id).toBe(crc32Text("g ids:Vector long = Vector long") | 0);
  });

  it("parses TDLib's e2e_api.tl (spaced section markers, multi-dot namespaces)", () => {
    const schema = parseSchema(readSchema("e2e_api.tl"));
    expect(schema.methods.map((m) => m.name)).toContain("e2e.nop");
    expect(findIdMismatches([...schema.constructors, ...schema.methods])).toEqual([]);
  });

  it("reads a multi-line declaration and the LAYER trailer", () => {
    const schema = parseSchema("x#1 a:int\n  b:string = X;\n// LAYER 7\n");
    expect(schema.constructors[0]!.params.map((p) => p.name)).toEqual(["a", "b"]);
    expect(schema.layer).toBe(7);
  });

  const bad: [string, string, TlParseError["code"], number][] = [
    ["missing =", "a x:int;", "SYNTAX", 1],
    ["unclosed declaration", "a = A;\nb x:int = B", "SYNTAX", 2],
    ["bad name", "1a = A;", "SYNTAX", 1],
    ["bad parameter", "a x = A;", "SYNTAX", 1],
    ["bad type", "a x:Vector<> = A;", "SYNTAX", 1],
    ["unknown flags field", "a x:flags.0?int = A;", "BAD_FLAG", 1],
    ["flags field that is not #", "a flags:int x:flags.0?int = A;", "BAD_FLAG", 1],
    ["bit beyond 31", "a flags:# x:flags.32?int = A;", "BAD_FLAG", 1],
    ["true without flag", "a x:true = A;", "BAD_FLAG", 1],
    ["id too long", "a#123456789 = A;", "BAD_ID", 1],
    ["duplicate parameter", "a x:int x:int = A;", "DUPLICATE", 1],
    ["duplicate id", "a#1 = A;\nb#1 = B;", "DUPLICATE", 2],
    ["unknown section", "---foo---", "SYNTAX", 1],
    ["unknown generic", "a q:!Y = A;", "SYNTAX", 1],
    ["space in result", "a = Vector t;", "SYNTAX", 1],
  ];
  it.each(bad)("rejects %s", (_label, source, code, line) => {
    expect(() => parseSchema(source)).toThrow(expect.objectContaining({ name: "TlParseError", code, line }));
  });
});
