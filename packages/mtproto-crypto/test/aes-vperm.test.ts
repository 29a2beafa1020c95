// The vector-permute AES (src/aes/vperm-*.ts): every table against the FIPS-197 S-box, through a
// scalar model of the module's swizzle steps, and the module's size and availability here.
// The IGE/CTR conformance vectors run on it through PROVIDERS ("portable").
import { describe, expect, it } from "vitest";
import { INV_SBOX, SBOX } from "../src/aes/aes-tables.js";
import { vpermIgeAvailable } from "../src/aes/vperm-ige.js";
import { VPERM_TABLES, vpermState } from "../src/aes/vperm-tables.js";
import { buildVpermWasm } from "../src/aes/vperm-wasm-code.js";

const table = (name: string): Uint8Array => VPERM_TABLES[name]!;
/** i8x16.swizzle on one lane: an index of 16 or more gives 0. */
const swizzle = (t: Uint8Array, index: number): number => (index < 16 ? t[index]! : 0);

/** The module's S-box step on one byte of the state form, read through output tables `u`, `t`. */
function sbox(state: number, u: string, t: string): number {
  const i = state >> 4,
    k = state & 15,
    j = i ^ k;
  const ak = swizzle(table("bk"), k);
  const io = swizzle(table("inv"), swizzle(table("inv"), i) ^ ak) ^ j;
  const jo = swizzle(table("inv"), swizzle(table("inv"), j) ^ ak) ^ i;
  return swizzle(table(u), io) ^ swizzle(table(t), jo);
}

function gfMul(a: number, b: number): number {
  let p = 0;
  for (let bit = 0; bit < 8; bit++) {
    if ((b >> bit) & 1) p ^= a;
    a <<= 1;
    if (a & 0x100) a ^= 0x11b;
  }
  return p;
}

describe("vector-permute AES tables", () => {
  it("give S(x) and 2·S(x) in the encryption state form, and S(x) in AES bytes, for all 256 bytes", () => {
    const c = vpermState(0x63, false);
    for (let x = 0; x < 256; x++) {
      const state = vpermState(x, false);
      expect(sbox(state, "enc1U", "enc1T") ^ c).toBe(vpermState(SBOX[x]!, false));
      expect(sbox(state, "enc2U", "enc2T") ^ vpermState(gfMul(0x63, 2), false)).toBe(
        vpermState(gfMul(SBOX[x]!, 2), false),
      );
      expect(sbox(state, "encLastU", "encLastT") ^ 0x63).toBe(SBOX[x]);
    }
  });

  it("give m·InvS(x) (m = 9, 11, 13, 14) in the decryption state form, and InvS(x) in AES bytes", () => {
    for (let x = 0; x < 256; x++) {
      const state = vpermState(x ^ 0x63, true);
      expect(sbox(state, "decLastU", "decLastT")).toBe(INV_SBOX[x]);
      for (const m of [9, 11, 13, 14])
        expect(sbox(state, `dec${m}U`, `dec${m}T`)).toBe(vpermState(gfMul(INV_SBOX[x]!, m), true));
    }
  });

  it("input tables are linear: the state form of a ^ b is the XOR of both", () => {
    for (const decrypt of [false, true]) {
      for (let a = 0; a < 256; a += 7)
        for (let b = 0; b < 256; b += 11) {
          expect(vpermState(a ^ b, decrypt)).toBe(vpermState(a, decrypt) ^ vpermState(b, decrypt));
        }
    }
  });
});

describe("vector-permute AES module", () => {
  it("stays under the 4 KiB browsers compile synchronously on the main thread, and validates here", () => {
    const bytes = buildVpermWasm();
    expect(bytes.length).toBeLessThan(4096);
    expect(WebAssembly.validate(bytes)).toBe(true);
    expect(vpermIgeAvailable()).toBe(true);
  });
});
