import { describe, expect, it } from "vitest";
import { apiRegistry } from "../src/api.js";
import { buildModel } from "../src/codegen/model.js";
import { emitReaders } from "../src/codegen/emit-readers.js";
import { parseSchema } from "../src/parser/schema.js";
import { readNat } from "../src/runtime/element-readers.js";
import { TlReader } from "../src/runtime/reader.js";

// `#` is an unsigned 32-bit number (https://core.telegram.org/mtproto/TL-formal): a `#` field that
// no condition refers to is exposed to the user and must never read as a negative number.
const HIGH_BIT = new Uint8Array([0, 0, 0, 0x80]);

describe("# (nat) fields", () => {
  it("TlReader.uint and readNat read bit 31 as 2147483648", () => {
    expect(new TlReader(apiRegistry, HIGH_BIT).uint()).toBe(2147483648);
    expect(readNat(new TlReader(apiRegistry, HIGH_BIT))).toBe(2147483648);
    expect(new TlReader(apiRegistry, new Uint8Array([0xff, 0xff, 0xff, 0xff])).uint()).toBe(4294967295);
  });

  it("generated readers read an unused # field and a Vector<#> as unsigned", () => {
    const parsed = parseSchema("natHolder count:# counts:Vector<#> = NatHolder;\n");
    const source = emitReaders(buildModel(parsed.constructors, parsed.methods));
    const body = source.slice(source.indexOf("function r_natHolder"));
    expect(body).toContain("const v0 = r.uint();");
    expect(body).toContain("r.vector(readNat, 4)");
  });
});
