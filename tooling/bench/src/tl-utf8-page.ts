// Where a page decode's time goes, per library: the bench payload decoded as is, with the message texts
// (strings over 16 bytes) not decoded, and with no string decoded (the reader still steps over them).
// Each variant replaces the library's string reader on its prototype, so it runs in its own process.
import { TlBinaryReader } from "@mtcute/tl-runtime";
import { TlReader } from "@mtkit/tl-core";
import type { TlBenchCases } from "./tl-fixtures.js";

export const PAGE_VARIANTS = [
  "mtkit",
  "mtkit, texts skipped",
  "mtkit, strings skipped",
  "mtcute",
  "mtcute, texts skipped",
  "mtcute, strings skipped",
] as const;
export type PageVariant = (typeof PAGE_VARIANTS)[number];

/** Longest string still decoded when texts are skipped: the names, usernames and phones (6-14 bytes). */
const SHORT = 16;

/** Steps over a TL string at `pos` (https://core.telegram.org/mtproto/serialize); returns its payload length. */
function skipString(data: Uint8Array, pos: number): { next: number; length: number } {
  let length = data[pos]!;
  let header = 1;
  if (length === 254) {
    length = data[pos + 1]! | (data[pos + 2]! << 8) | (data[pos + 3]! << 16);
    header = 4;
  }
  return { next: pos + ((header + length + 3) & ~3), length };
}

function patchMtkit(skip: "texts" | "strings"): void {
  const decode = Object.getOwnPropertyDescriptor(TlReader.prototype, "string")!.value as (this: TlReader) => string;
  TlReader.prototype.string = function (this: TlReader): string {
    const { next, length } = skipString(this.data, this.pos);
    if (skip === "texts" && length <= SHORT) return decode.call(this);
    this.pos = next;
    return "";
  };
}

function patchMtcute(skip: "texts" | "strings"): void {
  const decoder = new TextDecoder(); // what @mtcute/tl-runtime's string() uses
  TlBinaryReader.prototype.string = function (this: TlBinaryReader): string {
    const bytes = this.bytes();
    return skip === "texts" && bytes.length <= SHORT ? decoder.decode(bytes) : "";
  };
}

export async function pageCases(variant: PageVariant): Promise<TlBenchCases> {
  const skip = variant.endsWith("texts skipped")
    ? "texts"
    : variant.endsWith("strings skipped")
      ? "strings"
      : undefined;
  if (variant.startsWith("mtkit")) {
    if (skip !== undefined) patchMtkit(skip);
    return (await import("./tl-mtkit.js")).mtkitCases();
  }
  if (skip !== undefined) patchMtcute(skip);
  return (await import("./tl-mtcute.js")).mtcuteCases();
}
