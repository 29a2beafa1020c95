import { describe, expect, it } from "vitest";
import { apiRegistry, LAYER } from "../src/api.js";
import { mtprotoRegistry } from "../src/mtproto.js";
import { combineRegistries, resultMethodOf } from "../src/runtime/registry.js";
import { decodeObject, decodeResult, encodeObject, sizeOfObject } from "../src/runtime/codec.js";
import { TlReader } from "../src/runtime/reader.js";
import { TlError } from "../src/runtime/errors.js";
import type { TlObject } from "../src/runtime/types.js";

const hex = (text: string): Uint8Array =>
  Uint8Array.from(text.replace(/\s+/g, "").match(/../g)!, (p) => Number.parseInt(p, 16));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");
const registry = combineRegistries(mtprotoRegistry, apiRegistry);

const initConnection = {
  _: "invokeWithLayer",
  layer: LAYER,
  query: {
    _: "initConnection",
    apiId: 12345,
    deviceModel: "pc",
    systemVersion: "linux",
    appVersion: "1.0",
    systemLangCode: "en",
    langPack: "",
    langCode: "en",
    params: { _: "jsonNull" },
    query: { _: "help.getConfig" },
  },
} as const;

describe("hand-computed bytes", () => {
  it("invokeWithLayer(228, initConnection({..., query: help.getConfig()}))", () => {
    // Ids from telegram_api.tl, little-endian; strings are a length byte + UTF-8 + zero padding to 4.
    const expected = [
      "0d0d9bda", // invokeWithLayer#da9b0d0d
      "e4000000", // layer 228
      "a95ecdc1", // initConnection#c1cd5ea9
      "02000000", // flags: bit 1 (params) set, bit 0 (proxy) not
      "39300000", // api_id 12345
      "02706300", // device_model "pc"
      "056c696e75780000", // system_version "linux" (1 + 5 bytes, padded to 8)
      "03312e30", // app_version "1.0"
      "02656e00", // system_lang_code "en"
      "00000000", // lang_pack ""
      "02656e00", // lang_code "en"
      "687b6d3f", // params: jsonNull#3f6d7b68
      "6b18f9c4", // query: help.getConfig#c4f9186b
    ].join("");
    const bytes = encodeObject(apiRegistry, initConnection);
    expect(toHex(bytes)).toBe(expected);
    expect(sizeOfObject(apiRegistry, initConnection)).toBe(expected.length / 2);
    expect(decodeObject(apiRegistry, bytes)).toEqual({
      ...initConnection,
      query: { ...initConnection.query, proxy: undefined },
    });
    expect(resultMethodOf(apiRegistry, initConnection)).toBe("help.getConfig");
  });

  it("ping and pong (MTProto service schema)", () => {
    expect(toHex(encodeObject(mtprotoRegistry, { _: "ping", pingId: 0x0102030405060708n } as TlObject))).toBe(
      "ec77be7a0807060504030201",
    );
    expect(decodeObject(mtprotoRegistry, hex("c5737734 0100000000000000 ffffffffffffffff"))).toEqual({
      _: "pong",
      msgId: 1n,
      pingId: -1n,
    });
  });

  // msg_container#73f1f8dc, one bare message (msg_id, seqno, bytes = 36, body), body =
  // rpc_result#f35c6d01 req_msg_id=9, result = Vector<long> [7, 8].
  const container = hex(`
    dcf8f173 01000000
      0100000000000000 03000000 24000000
        016d5cf3 0900000000000000
          15c4b51c 02000000 0700000000000000 0800000000000000`);

  it("decodes an rpc_result inside msg_container with the method the session names", () => {
    const reader = new TlReader(registry, container, {
      resolveMethod: (id) => (id === 9n ? "photos.deletePhotos" : undefined),
    });
    expect(reader.object()).toEqual({
      _: "msg_container",
      messages: [
        { _: "message", msgId: 1n, seqno: 3, bytes: 36, body: { _: "rpc_result", reqMsgId: 9n, result: [7n, 8n] } },
      ],
    });
    reader.expectEnd();
  });

  it("refuses a bare Vector result when no method is known", () => {
    const reader = new TlReader(registry, container);
    expect(() => reader.object()).toThrow(expect.objectContaining({ code: "UNTYPED_VECTOR", offset: 36 }));
  });

  it("reads Vector<long>, Bool, rpc_error and gzip_packed results", () => {
    const longs = hex("15c4b51c 01000000 0500000000000000");
    expect(decodeResult(registry, "photos.deletePhotos", longs)).toEqual([5n]);
    expect(decodeResult(registry, "account.resetWebAuthorizations", hex("b5757299"))).toBe(true);
    const rpcError = hex("19ca4421 90010000 0c464c4f4f445f574149545f35000000");
    expect(decodeResult(registry, "photos.deletePhotos", rpcError)).toEqual({
      _: "rpc_error",
      errorCode: 400,
      errorMessage: "FLOOD_WAIT_5",
    });
    expect(decodeResult(registry, "account.resetWebAuthorizations", hex("a1cf7230 03010203"))).toEqual({
      _: "gzip_packed",
      packedData: new Uint8Array([1, 2, 3]),
    });
    // The wrapper is looked through to help.getConfig, whose result is a boxed object.
    expect(() => decodeResult(registry, initConnection, hex("15c4b51c 00000000"))).toThrow(TlError);
  });

  it("writes an rpc_result whose result is a Vector<long> (server side)", () => {
    const bytes = encodeObject(registry, { _: "rpc_result", reqMsgId: 9n, result: [7n, 8n] } as TlObject);
    expect(toHex(bytes)).toBe(
      "016d5cf3" + "0900000000000000" + "15c4b51c02000000" + "07000000000000000800000000000000",
    );
  });
});
