// transports.json obfuscation vectors exercise what transports use from this package:
// stateful AES-256-CTR streams and SHA256 for MTProxy keys
// (https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation).
import { hex, loadVectors, toHex } from "@mtkit/test-vectors";
import { describe, expect, it } from "vitest";
import { concatBytes } from "../src/index.js";
import { PROVIDERS } from "./providers.js";

interface ObfuscationVector {
  name: string;
  random: string;
  protocol_tag?: string;
  secret?: string;
  init_payload_sent: string;
  encrypt_key?: string;
  encrypt_iv?: string;
  decrypt_key?: string;
  decrypt_iv?: string;
  client_packets?: { intermediate_frame: string; sent: string }[];
  server_bytes_received?: { received: string; decrypted: string }[];
  dc_int16_at_60?: number;
}
const { obfuscation_vectors: vectors } = loadVectors("transports") as { obfuscation_vectors: ObfuscationVector[] };

describe.each(PROVIDERS)("obfuscation keys and CTR streams ($name)", (crypto) => {
  it.each(vectors)("$name", (v) => {
    const init = hex(v.random);
    const reversed = init.slice(8, 56).reverse();
    let encKey: Uint8Array = init.slice(8, 40);
    let decKey: Uint8Array = reversed.slice(0, 32);
    if (v.secret !== undefined) {
      encKey = crypto.sha256(concatBytes(encKey, hex(v.secret)));
      decKey = crypto.sha256(concatBytes(decKey, hex(v.secret)));
    }
    if (v.encrypt_key !== undefined) {
      expect([toHex(encKey), toHex(init.subarray(40, 56)), toHex(decKey), toHex(reversed.subarray(32, 48))]).toEqual([
        v.encrypt_key,
        v.encrypt_iv,
        v.decrypt_key,
        v.decrypt_iv,
      ]);
    }
    const payload = init.slice();
    // This vector's name says "test dc 1" (10001) but it carries no tag/dc fields: mtcute's test used eeeeeeee.
    const testDc = v.protocol_tag === undefined && v.name.includes("test dc 1") ? 10001 : undefined;
    payload.set(hex(v.protocol_tag ?? "eeeeeeee"), 56);
    const dc = v.dc_int16_at_60 ?? testDc;
    if (dc !== undefined) new DataView(payload.buffer).setInt16(60, dc, true);
    const encryptor = crypto.createAesCtr(encKey, init.subarray(40, 56));
    const encrypted = encryptor.process(payload);
    expect(toHex(concatBytes(payload.subarray(0, 56), encrypted.subarray(56)))).toBe(v.init_payload_sent);
    for (const packet of v.client_packets ?? []) {
      expect(toHex(encryptor.process(hex(packet.intermediate_frame)))).toBe(packet.sent);
    }
    const decryptor = crypto.createAesCtr(decKey, reversed.subarray(32, 48));
    for (const chunk of v.server_bytes_received ?? []) {
      expect(toHex(decryptor.process(hex(chunk.received)))).toBe(chunk.decrypted);
    }
  });
});
