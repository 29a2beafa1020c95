import { deflateSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { GZIP_MAX_INFLATED, gzipInflateBounded } from "../src/index.js";

// mtcute packs requests with zlib's deflateSync (RFC 1950) inside gzip_packed; Telegram reads them.
describe("gzip_packed holding a zlib stream", () => {
  const content = new TextEncoder().encode("auth.sendCode ".repeat(100));

  it("inflates zlib as it inflates gzip", () => {
    expect(gzipInflateBounded(new Uint8Array(deflateSync(content)))).toEqual(content);
    expect(gzipInflateBounded(new Uint8Array(gzipSync(content)))).toEqual(content);
  });

  it("keeps the running cap for zlib", () => {
    const bomb = new Uint8Array(deflateSync(new Uint8Array(2 * 1024 * 1024)));
    expect(() => gzipInflateBounded(bomb, 1024 * 1024)).toThrow(/GZIP_TOO_LARGE|inflates past/);
    expect(gzipInflateBounded(bomb, GZIP_MAX_INFLATED).length).toBe(2 * 1024 * 1024);
  });

  it("rejects a truncated zlib stream with a typed error", () => {
    const stream = new Uint8Array(deflateSync(content));
    expect(() => gzipInflateBounded(stream.subarray(0, stream.length - 8))).toThrow(/GZIP_INVALID/);
  });
});
