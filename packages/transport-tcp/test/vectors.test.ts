import { hex, toHex } from "@mtkit/test-vectors";
import { describe, expect, it } from "vitest";
import { IntermediateCodec } from "../src/framing/intermediate.js";
import { AbridgedCodec } from "../src/framing/abridged.js";
import { FullCodec } from "../src/framing/full.js";
import { crc32 } from "../src/codec/crc32.js";
import { ClientConnection } from "../src/codec/client-connection.js";
import { TransportStatusError } from "../src/codec/errors.js";
import { buildObfuscationHeader, createObfuscationInit, isValidInitPrefix } from "../src/obfuscation/init.js";
import { obfuscationKeys } from "../src/obfuscation/keys.js";
import { parseProxySecret } from "../src/obfuscation/secret.js";
import { fixedRandomCrypto, providers, testCrypto } from "./helpers/crypto.js";
import { transportVectors as v } from "./helpers/vectors.js";

const crypto = testCrypto();

describe("framing vectors (transports.json)", () => {
  it("abridged: tag ef, then an empty packet is a single 00 byte (grammers pack_empty)", () => {
    const client = new ClientConnection({ protocol: "abridged" });
    client.sendPacket(new Uint8Array(0));
    expect(toHex(client.takeOutput()!)).toBe("ef00");
  });

  it("abridged long header: 0x7f + 3-byte LE length/4 from 508 bytes on", () => {
    const codec = new AbridgedCodec({ role: "client" });
    expect(toHex(codec.encodePacket(new Uint8Array(504)).subarray(0, 1))).toBe("7e");
    expect(toHex(codec.encodePacket(new Uint8Array(508)).subarray(0, 4))).toBe("7f7f0000");
    expect(toHex(codec.encodePacket(new Uint8Array(4 * 0x012345)).subarray(0, 4))).toBe("7f452301");
  });

  it("full: CRC32 check value and frame layout", () => {
    expect(crc32(new TextEncoder().encode("123456789")).toString(16)).toBe("cbf43926");
    const framed = new FullCodec({ role: "client" }).encodePacket(hex("6cfeffff"));
    expect(toHex(framed.subarray(0, 12))).toBe("10000000000000006cfeffff");
    expect(new DataView(framed.buffer).getUint32(12, true)).toBe(crc32(framed, 0, 12));
  });

  it("intermediate frames a payload", () => {
    const vector = v.framing.intermediate.find((x) => x.framed !== undefined)!;
    expect(toHex(new IntermediateCodec({ role: "client" }).encodePacket(hex(vector.payload!)))).toBe(vector.framed);
  });

  it("intermediate stream parse gives the listed frames", () => {
    const vector = v.framing.intermediate.find((x) => x.stream_chunks !== undefined)!;
    const codec = new IntermediateCodec({ role: "server" });
    const frames = vector.stream_chunks!.flatMap((chunk) => codec.decode(hex(chunk)));
    expect(frames.map((f) => (f.kind === "packet" ? toHex(f.payload) : f.kind))).toEqual(vector.frames);
  });

  it("padded intermediate frame with a -404 payload decodes as a transport error", () => {
    const vector = v.framing.padded_intermediate[0]!;
    const frames = new IntermediateCodec({
      role: "client",
      padded: true,
      randomFill: (out) => crypto.randomFill(out),
    }).decode(hex(vector.framed));
    expect(frames).toHaveLength(1);
    const frame = frames[0]!;
    expect(frame.kind).toBe("status");
    if (frame.kind === "status") expect(frame.error.status).toBe(-404);
  });

  it.each(Object.entries(v.framing.transport_errors.examples))("transport error %s is typed", (status, payload) => {
    const client = new IntermediateCodec({ role: "client" });
    const server = new IntermediateCodec({ role: "server" });
    expect(toHex(server.encodeStatus(Number(status)))).toBe(`04000000${payload}`);
    const [frame] = client.decode(hex(`04000000${payload}`));
    expect(frame?.kind).toBe("status");
    if (frame?.kind !== "status") return;
    expect(frame.error).toBeInstanceOf(TransportStatusError);
    expect(frame.error.status).toBe(Number(status));
    expect(frame.error.code).toBe(
      { "-404": "AUTH_KEY_NOT_FOUND", "-429": "TRANSPORT_FLOOD", "-444": "INVALID_DC" }[status] ?? "UNKNOWN_STATUS",
    );
  });
});

describe.each(providers.map((p) => [p.name, p] as const))("obfuscation vectors (%s provider)", (_provider, crypto) => {
  it.each(v.obfuscation_rules.retry_prefixes_from_mtcute_test)("prefix %s is rejected", (prefix) => {
    const init = new Uint8Array(64).fill(0x11);
    init.set(hex(prefix), 0);
    expect(isValidInitPrefix(init)).toBe(false);
  });

  it("a zero second int is rejected, a random-looking prefix accepted", () => {
    const init = new Uint8Array(64).fill(0x11);
    expect(isValidInitPrefix(init)).toBe(true);
    init.fill(0, 4, 8);
    expect(isValidInitPrefix(init)).toBe(false);
  });

  it("createObfuscationInit retries until the prefix is valid", () => {
    const bad = new Uint8Array(64).fill(0xee);
    const good = new Uint8Array(64).fill(0x42);
    const { header } = createObfuscationInit(fixedRandomCrypto(new Uint8Array([...bad, ...good]), crypto), {
      protocol: "intermediate",
    });
    expect(toHex(header.subarray(0, 56))).toBe(toHex(good.subarray(0, 56)));
  });

  it.each(v.obfuscation_vectors.map((x) => [x.name, x] as const))("%s: init payload", (_name, vector) => {
    const init = hex(vector.random);
    init.set(hex(vector.protocol_tag ?? "eeeeeeee"), 56);
    // One vector names its DC only in its title ("test dc 1" = 10001).
    const dcId = vector.dc_int16_at_60 ?? (vector.name.includes("test dc 1") ? 10001 : undefined);
    if (dcId !== undefined) {
      const dc = dcId & 0xffff;
      init[60] = dc & 0xff;
      init[61] = dc >>> 8;
    }
    const secret = vector.secret === undefined ? undefined : hex(vector.secret);
    const { header, encryptor, decryptor } = buildObfuscationHeader(crypto, init, secret);
    expect(toHex(header)).toBe(vector.init_payload_sent);
    if (vector.encrypt_key !== undefined) {
      const keys = obfuscationKeys(crypto, init, secret);
      expect(toHex(keys.forward.key)).toBe(vector.encrypt_key);
      expect(toHex(keys.forward.iv)).toBe(vector.encrypt_iv);
      expect(toHex(keys.backward.key)).toBe(vector.decrypt_key);
      expect(toHex(keys.backward.iv)).toBe(vector.decrypt_iv);
    }
    for (const packet of vector.client_packets ?? [])
      expect(toHex(encryptor.process(hex(packet.intermediate_frame)))).toBe(packet.sent);
    for (const bytes of vector.server_bytes_received ?? [])
      expect(toHex(decryptor.process(hex(bytes.received)))).toBe(bytes.decrypted);
  });

  it("createObfuscationInit with fixed randomness reproduces the ff*64 vector and writes the DC", () => {
    const vector = v.obfuscation_vectors[0]!;
    const { header } = createObfuscationInit(fixedRandomCrypto(hex(vector.random), crypto), {
      protocol: "intermediate",
    });
    expect(toHex(header)).toBe(vector.init_payload_sent);
    const proxied = v.obfuscation_vectors.find((x) => x.dc_int16_at_60 === -1)!;
    const withDc = createObfuscationInit(fixedRandomCrypto(hex(proxied.random), crypto), {
      protocol: "intermediate",
      dcId: -1,
      secretKey: hex(proxied.secret!),
    });
    expect(toHex(withDc.header)).toBe(proxied.init_payload_sent);
  });
});

describe("MTProxy secrets", () => {
  it.each(v.mtproxy_secrets.map((x) => [x.meaning, x] as const))("%s", (meaning, vector) => {
    if (meaning.startsWith("invalid")) {
      expect(() => parseProxySecret(vector.secret_hex)).toThrow(
        expect.objectContaining({ code: "BAD_SECRET" }) as Error,
      );
      return;
    }
    const secret = parseProxySecret(vector.secret_hex);
    expect(secret.key).toHaveLength(16);
    if (meaning.startsWith("simple")) expect(secret.kind).toBe("simple");
    if (meaning.startsWith("secured") || meaning.startsWith("gotd")) expect(secret.kind).toBe("secured");
    if (vector.domain !== undefined) {
      expect(secret.kind).toBe("fakeTls");
      expect(secret.domain).toBe(vector.domain);
      expect(toHex(secret.key)).toBe(vector.key);
    }
  });

  it("accepts base64url secrets as found in tg://proxy links", () => {
    const bytes = hex("ee852380f362a09343efb4690c4e17862e676f6f676c652e636f6d");
    const b64 = Buffer.from(bytes).toString("base64url");
    expect(parseProxySecret(b64)).toEqual(parseProxySecret(bytes));
  });
});
