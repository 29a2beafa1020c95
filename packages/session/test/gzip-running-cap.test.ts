import { afterEach, describe, expect, it } from "vitest";
import { gzipSync } from "fflate";
import { gzipPackedBytes } from "./helpers/gzip-packed.js";
import { GZIP_MAX_INFLATED, gzipInflateBounded } from "../src/index.js";
import { rawSend, serverSetup } from "./helpers/server-wire.js";

// gzip_packed (https://core.telegram.org/mtproto/service_messages#packed-object) is inflated with a
// running cap: the size claimed in the gzip trailer never sizes a buffer, in either role.

/** A valid gzip stream of `content` whose ISIZE trailer claims `claimed` bytes instead. */
function lyingGzip(content: Uint8Array, claimed: number): Uint8Array {
  const stream = gzipSync(content, { mtime: 0 });
  new DataView(stream.buffer, stream.byteOffset).setUint32(stream.length - 4, claimed, true);
  return stream;
}

const RealUint8Array = globalThis.Uint8Array;
let largest = 0;
/** Records the largest `new Uint8Array(n)` made while installed (instances stay real Uint8Arrays). */
function spyOnAllocations(): void {
  largest = 0;
  globalThis.Uint8Array = new Proxy(RealUint8Array, {
    construct(target, args: unknown[]) {
      if (typeof args[0] === "number") largest = Math.max(largest, args[0]);
      return Reflect.construct(target, args) as object;
    },
  });
}
afterEach(() => {
  globalThis.Uint8Array = RealUint8Array;
});

describe("gzip_packed: inflated with a running cap", () => {
  it("a tiny stream whose trailer claims 16 MiB is refused without a 16 MiB buffer", () => {
    const stream = lyingGzip(new RealUint8Array(40).fill(7), GZIP_MAX_INFLATED);
    expect(stream.length).toBeLessThan(104);
    spyOnAllocations();
    expect(() => gzipInflateBounded(stream)).toThrow(expect.objectContaining({ code: "GZIP_INVALID" }));
    globalThis.Uint8Array = RealUint8Array;
    expect(largest).toBeLessThan(1024 * 1024);
  });

  it("a stream whose trailer claims little but inflates past the cap stops at the cap", () => {
    const stream = lyingGzip(new RealUint8Array(3 * 1024 * 1024), 100);
    expect(() => gzipInflateBounded(stream, 1024 * 1024)).toThrow(expect.objectContaining({ code: "GZIP_TOO_LARGE" }));
  });

  it("honest streams still inflate, empty and multi-chunk ones included", () => {
    for (const size of [0, 1, 1000, 300_000]) {
      const data = new RealUint8Array(size).map((_, i) => (i * 31) ^ (i >> 7));
      expect(gzipInflateBounded(gzipSync(data))).toEqual(data);
    }
  });

  it("server role: a gzip_packed request with a lying trailer is dropped and the session stays usable", () => {
    const { h, client, now } = serverSetup("gzip-lie");
    const body = gzipPackedBytes(lyingGzip(new RealUint8Array(64).fill(1), GZIP_MAX_INFLATED));
    spyOnAllocations();
    const answer = rawSend(h, client, { msgId: now + 400n, seqNo: 1, body });
    globalThis.Uint8Array = RealUint8Array;
    expect(largest).toBeLessThan(1024 * 1024);
    expect(answer.map((o) => o._)).not.toContain("rpc_result");
    const pong = rawSend(h, client, { msgId: now + 800n, seqNo: 3, body: { _: "ping", pingId: 9n } });
    expect(pong.map((o) => o._)).toContain("pong");
  });
});
