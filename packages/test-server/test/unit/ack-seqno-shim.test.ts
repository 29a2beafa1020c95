import { createAuthKey, decryptMessage, encryptMessage } from "@mtkit/mtproto-crypto";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import { describe, expect, it } from "vitest";
import { evenAckSeqNo } from "../../src/server/ack-seqno-shim.js";
import { DcKeyStore } from "../../src/server/knob-key-store.js";

const crypto = createNodeCrypto();
const authKey = createAuthKey(crypto, crypto.randomFill(new Uint8Array(256)));
const keys = new DcKeyStore(() => 0);
keys.set({ authKey, expiresAt: undefined, dcId: 1, boundPermKeyId: undefined, createdAt: 0, firstSalt: 1n });

function clientPacket(seqNo: number, body: Uint8Array): Uint8Array {
  const plain = new Uint8Array(32 + body.length);
  const view = new DataView(plain.buffer);
  view.setBigInt64(0, 1n, true);
  view.setBigInt64(8, 2n, true);
  view.setBigInt64(16, 4n, true);
  view.setInt32(24, seqNo, true);
  view.setInt32(28, body.length, true);
  plain.set(body, 32);
  return encryptMessage(crypto, authKey, plain, "client");
}

const ack = Uint8Array.of(0x59, 0xb4, 0xd6, 0x62, 0x15, 0xc4, 0xb5, 0x1c, 0, 0, 0, 0);

describe("odd-seqno msgs_ack shim (mtcute)", () => {
  it("makes an odd msgs_ack seq_no even and re-encrypts", () => {
    const fixed = evenAckSeqNo(crypto, keys, clientPacket(7, ack));
    expect(decryptMessage(crypto, authKey, fixed, "client").seqNo).toBe(6);
  });

  it("fixes msgs_ack inside a container and leaves the other items alone", () => {
    const container = new Uint8Array(8 + 2 * (16 + 12));
    const view = new DataView(container.buffer);
    view.setUint32(0, 0x73f1f8dc, true);
    view.setInt32(4, 2, true);
    view.setInt32(16, 5, true); // item 1: msgs_ack with seq 5
    view.setInt32(20, 12, true);
    container.set(ack, 24);
    view.setInt32(44, 7, true); // item 2: something content-related with seq 7
    view.setInt32(48, 12, true);
    container.set(Uint8Array.of(1, 2, 3, 4), 52);
    const fixed = decryptMessage(crypto, authKey, evenAckSeqNo(crypto, keys, clientPacket(8, container)), "client");
    const body = new DataView(fixed.body.buffer, fixed.body.byteOffset);
    expect(body.getInt32(16, true)).toBe(4);
    expect(body.getInt32(44, true)).toBe(7);
  });

  it("returns other packets untouched", () => {
    const even = clientPacket(6, ack);
    expect(evenAckSeqNo(crypto, keys, even)).toBe(even);
    const junk = crypto.randomFill(new Uint8Array(80));
    expect(evenAckSeqNo(crypto, keys, junk)).toBe(junk);
  });
});
