import { describe, expect, it } from "vitest";
import { buildClientHello } from "../src/faketls/client-hello.js";
import { curveY2, isQuadraticResidue, x25519PublicKey } from "../src/faketls/x25519-key.js";
import { TlsRecordReader, TlsRecordWriter } from "../src/faketls/records.js";
import { testCrypto } from "./helpers/crypto.js";

const crypto = testCrypto();
const le = (bytes: Uint8Array): bigint => bytes.reduceRight((acc, b) => (acc << 8n) | BigInt(b), 0n);

describe("fake-TLS pieces", () => {
  it("key shares are points on Curve25519", () => {
    for (let i = 0; i < 20; i++) {
      const x = le(x25519PublicKey(crypto));
      expect(x < (1n << 255n) - 19n).toBe(true);
      expect(isQuadraticResidue(curveY2(x))).toBe(true);
    }
  });

  it("the ClientHello is 517 bytes, TLS framed, and its random authenticates it with the time", () => {
    const key = crypto.randomFill(new Uint8Array(16));
    const time = 1_800_000_000;
    const { hello, clientRandom } = buildClientHello(crypto, key, "example.com", time);
    expect(hello).toHaveLength(517);
    expect((hello[3]! << 8) | hello[4]!).toBe(512); // record length
    expect(hello[5]).toBe(0x01); // client_hello
    const zeroed = Uint8Array.from(hello).fill(0, 11, 43);
    const mac = crypto.hmacSha256(key, zeroed);
    expect(Buffer.from(clientRandom.subarray(0, 28))).toEqual(Buffer.from(mac.subarray(0, 28)));
    const view = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);
    expect((view(mac).getUint32(28, true) ^ view(clientRandom).getUint32(28, true)) >>> 0).toBe(time);
  });

  it("records split at the maximum and join back, skipping ChangeCipherSpec", () => {
    const writer = new TlsRecordWriter({ leadingChangeCipherSpec: true, maxPayload: 100 });
    const data = crypto.randomFill(new Uint8Array(1234));
    const wire = writer.wrap(data);
    expect(wire.length).toBe(6 + 13 * 5 + 1234);
    const reader = new TlsRecordReader();
    const parts = Array.from(wire).flatMap((b) => reader.unwrap(Uint8Array.of(b)));
    expect(Buffer.concat(parts)).toEqual(Buffer.from(data));
  });

  it("an oversized record is rejected before buffering", () => {
    expect(() => new TlsRecordReader().unwrap(Uint8Array.of(0x17, 0x03, 0x03, 0xff, 0xff))).toThrow(
      expect.objectContaining({ code: "TLS_RECORD" }) as Error,
    );
  });
});
