import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { apiRegistry } from "@mtkit/tl-core/api";
import { ClientSession, SessionCodec, type GzipCompressor } from "../src/index.js";
import { maybeGzip } from "../src/core/gzip-packed.js";
import { crypto, testEnv } from "./helpers/env.js";
import { Harness } from "./helpers/harness.js";

// gzip_packed only where it pays (https://core.telegram.org/mtproto/service_messages#packed-object):
// never for file parts or other byte blobs, with the compressor the platform provides, and off on request.
const codec = new SessionCodec(apiRegistry);
const textRequest = {
  _: "messages.sendMessage",
  peer: { _: "inputPeerSelf" },
  message: "hello world, ".repeat(200),
  randomId: 1n,
} as const;
const filePart = { _: "upload.saveFilePart", fileId: 1n, filePart: 0, bytes: new Uint8Array(512 * 1024) } as const;

function counting(inner: GzipCompressor): { gzip: GzipCompressor; calls: () => number } {
  let calls = 0;
  return {
    gzip: (data) => {
      calls++;
      return inner(data);
    },
    calls: () => calls,
  };
}
const nativeGzip: GzipCompressor = (data) => gzipSync(data);

describe("outgoing compression", () => {
  it("never compresses file parts, even highly compressible ones (no CPU spent on them)", () => {
    const { gzip, calls } = counting(nativeGzip);
    const body = codec.encode(filePart);
    expect(maybeGzip(body, codec, gzip, "upload.saveFilePart")).toBe(body);
    expect(maybeGzip(body, codec, gzip)).toBe(body); // recognised by its constructor id too
    expect(calls()).toBe(0);
  });

  it("uses the injected (native) compressor where it pays, and keeps the body when it does not", () => {
    const { gzip, calls } = counting(nativeGzip);
    const packed = maybeGzip(codec.encode(textRequest), codec, gzip, "messages.sendMessage");
    expect(new DataView(packed.buffer, packed.byteOffset).getUint32(0, true)).toBe(0x3072cfa1);
    expect(calls()).toBe(1);
    const random = crypto.randomFill(new Uint8Array(4000));
    expect(maybeGzip(random, codec, gzip)).toBe(random);
  });

  it("gzip: false turns compression off", () => {
    const body = codec.encode(textRequest);
    expect(maybeGzip(body, codec, false, "messages.sendMessage")).toBe(body);
  });

  it("a client session sends what its environment says: native, off, and never for file parts", () => {
    const h = new Harness("compression");
    const { gzip, calls } = counting(nativeGzip);
    const key = h.handshake("compression-c");
    const session = new ClientSession({ env: { ...testEnv(), gzip }, authKey: key.authKey, apiRegistry });
    session.invoke(filePart);
    expect(calls()).toBe(0);
    session.invoke(textRequest);
    expect(calls()).toBe(1);
    const off = new ClientSession({ env: { ...testEnv(), gzip: false }, authKey: key.authKey, apiRegistry });
    off.invoke(textRequest);
    expect(calls()).toBe(1);
  });
});
