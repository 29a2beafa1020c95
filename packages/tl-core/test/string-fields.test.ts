// TL `string` fields read through the compiled readers of both modes ("function", and "closures" for a
// strict CSP), from hand-written bytes: invalid and truncated UTF-8 must give what TextDecoder gives
// (U+FFFD, https://encoding.spec.whatwg.org/#utf-8-decoder), empty strings and strings that end the
// input must read, in plain fields and in vectors of strings nested in vectors of objects. Guards any
// faster string path (issue 15).
import { describe, expect, it } from "vitest";
import { apiTable } from "../src/generated/api/index.js";
import { decodeObject } from "../src/runtime/codec.js";
import { VECTOR_ID } from "../src/runtime/ids.js";
import { tableRegistry } from "../src/runtime/table/table-registry.js";
import type { TlRegistry } from "../src/runtime/types.js";
import { TlWriter } from "../src/runtime/writer.js";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (raw: Uint8Array): string => new TextDecoder().decode(raw);
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
};

/** Payloads on both sides of the 16-byte hand-decode limit and of the 254-byte header switch. */
const RAW: readonly (readonly [string, Uint8Array])[] = [
  ["empty", new Uint8Array(0)],
  ["lone 0xFF", Uint8Array.of(0xff)],
  ["stray continuation", Uint8Array.of(0x41, 0x80, 0x42)],
  ["3-byte sequence cut at the end", Uint8Array.of(0x61, 0xe2, 0x82)],
  ["4-byte sequence cut at the end", Uint8Array.of(0x41, 0xf0, 0x9f, 0x98)],
  ["overlong /", Uint8Array.of(0xc0, 0xaf, 0x41, 0x42, 0x43)],
  ["U+FFFD itself (valid)", concat(utf8("ok "), Uint8Array.of(0xef, 0xbf, 0xbd), utf8(" ok"))],
  ["encoded surrogate, 20 bytes", concat(utf8("abcdefgh"), Uint8Array.of(0xed, 0xa0, 0x80), utf8("ijklmnopq"))],
  ["valid Cyrillic and emoji, 16 bytes", utf8("друг 🙂 abc")],
  ["valid, 17 bytes", utf8("друг 🙂 abcd")],
  ["300 bytes with 0xC0 inside", concat(utf8("привет ".repeat(20)), Uint8Array.of(0xc0), utf8("x".repeat(159)))],
  ["253 bytes cut in a 2-byte sequence", concat(utf8("a".repeat(252)), Uint8Array.of(0xd0))],
  ["254 bytes valid", utf8("д".repeat(127))],
];

function idOf(registry: TlRegistry, name: string): number {
  return registry.writers.get(name)!.id;
}

function stringVector(w: TlWriter, values: readonly Uint8Array[]): void {
  w.int(VECTOR_ID);
  w.int(values.length);
  for (const v of values) w.bytes(v);
}

describe.each(["function", "closures"] as const)("string fields, %s readers", (codegen) => {
  const registry = tableRegistry(apiTable, { codegen });

  it.each(RAW)("reads %s as the last field of the input", (_, raw) => {
    const w = new TlWriter(registry);
    w.int(idOf(registry, "error"));
    w.int(400);
    w.bytes(raw); // same wire format as a string, bytes taken as they are
    const bytes = w.finish();
    expect(bytes.length % 4).toBe(0);
    expect(decodeObject(registry, bytes)).toStrictEqual({ _: "error", code: 400, text: text(raw) });
  });

  it("reads every case in vectors of strings nested in a vector of objects", () => {
    const w = new TlWriter(registry);
    w.int(idOf(registry, "help.countriesList"));
    w.int(VECTOR_ID);
    w.int(RAW.length);
    const expected: unknown[] = [];
    RAW.forEach(([, raw], i) => {
      const prefixes = RAW.slice(0, i + 1).map(([, r]) => r);
      w.int(idOf(registry, "help.country"));
      w.int(i % 2 === 0 ? 0b10 : 0); // flags.1: name
      w.bytes(raw);
      w.bytes(utf8(`default ${i}`));
      if (i % 2 === 0) w.bytes(raw);
      w.int(VECTOR_ID);
      w.int(1);
      w.int(idOf(registry, "help.countryCode"));
      w.int(0b1); // flags.0: prefixes
      w.bytes(raw);
      stringVector(w, prefixes);
      expected.push({
        _: "help.country",
        hidden: false,
        iso2: text(raw),
        defaultName: `default ${i}`,
        name: i % 2 === 0 ? text(raw) : undefined,
        countryCodes: [
          { _: "help.countryCode", countryCode: text(raw), prefixes: prefixes.map(text), patterns: undefined },
        ],
      });
    });
    w.int(7);
    const decoded = decodeObject(registry, w.finish());
    expect(decoded).toStrictEqual({ _: "help.countriesList", countries: expected, hash: 7 });
  });
});
