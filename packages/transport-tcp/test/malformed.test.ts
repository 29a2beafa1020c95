import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ClientConnection } from "../src/codec/client-connection.js";
import { TransportError } from "../src/codec/errors.js";
import { ServerConnection } from "../src/codec/server-connection.js";
import { createFrameCodec } from "../src/framing/create.js";
import { testCrypto } from "./helpers/crypto.js";

const crypto = testCrypto();
const code = (c: string) => expect.objectContaining({ code: c }) as Error;

describe("malformed input gives typed errors", () => {
  it("rejects an over-long length as soon as the header is in, before buffering the body", () => {
    for (const protocol of ["abridged", "intermediate", "padded", "full"] as const) {
      const server = createFrameCodec(protocol, {
        role: "server",
        maxPacketLength: 1024,
        randomFill: (out) => crypto.randomFill(out),
      });
      const header =
        protocol === "abridged" ? Uint8Array.of(0x7f, 0xff, 0xff, 0x3f) : Uint8Array.of(0x00, 0x00, 0x00, 0x10);
      expect(() => server.decode(header), protocol).toThrow(code("PACKET_TOO_LONG"));
    }
  });

  it("refuses to encode packets over the limit and unaligned abridged packets", () => {
    expect(() =>
      createFrameCodec("intermediate", { role: "client", maxPacketLength: 8 }).encodePacket(new Uint8Array(12)),
    ).toThrow(code("PACKET_TOO_LONG"));
    expect(() => createFrameCodec("abridged", { role: "client" }).encodePacket(new Uint8Array(5))).toThrow(
      code("INVALID_ARGUMENT"),
    );
  });

  it("full: bad CRC, bad seq and impossible lengths", () => {
    const client = createFrameCodec("full", { role: "client" });
    const packet = client.encodePacket(new Uint8Array(16).fill(1));
    const corrupted = Uint8Array.from(packet);
    corrupted[10] = corrupted[10]! ^ 0xff;
    expect(() => createFrameCodec("full", { role: "server" }).decode(corrupted)).toThrow(code("BAD_CRC"));
    const second = client.encodePacket(new Uint8Array(16));
    expect(() => createFrameCodec("full", { role: "server" }).decode(second)).toThrow(code("BAD_SEQ"));
    expect(() => createFrameCodec("full", { role: "server" }).decode(Uint8Array.of(8, 0, 0, 0))).toThrow(
      code("BAD_LENGTH"),
    );
    expect(() => createFrameCodec("full", { role: "server" }).decode(Uint8Array.of(13, 0, 0, 0))).toThrow(
      code("BAD_LENGTH"),
    );
  });

  it("server: unknown first bytes are UNKNOWN_PROTOCOL", () => {
    const server = new ServerConnection({ crypto });
    // Valid-looking obfuscation prefix, but no secret or tag decrypts right.
    expect(() => server.receive(new Uint8Array(64).fill(0x42))).toThrow(code("UNKNOWN_PROTOCOL"));
  });

  it("server: obfuscated header with the wrong secret is UNKNOWN_PROTOCOL when a secret is required", () => {
    const client = new ClientConnection({ crypto, obfuscation: { secret: "00112233445566778899aabbccddeeff" } });
    const server = new ServerConnection({ crypto, secrets: ["ffeeddccbbaa99887766554433221100"], requireSecret: true });
    expect(() => server.receive(client.takeOutput()!)).toThrow(code("UNKNOWN_PROTOCOL"));
  });

  it("server: plain tags are refused when a secret is required", () => {
    expect(() =>
      new ServerConnection({ crypto, secrets: ["00112233445566778899aabbccddeeff"], requireSecret: true }).receive(
        Uint8Array.of(0xef),
      ),
    ).toThrow(code("UNKNOWN_PROTOCOL"));
  });

  it("garbage after a valid obfuscation header gives a typed error, never a crash or a hang", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 600 }), (garbage) => {
        const client = new ClientConnection({ crypto, obfuscation: true, protocol: "intermediate" });
        const server = new ServerConnection({ crypto, maxPacketLength: 256 });
        server.receive(client.takeOutput()!);
        try {
          // The garbage is decrypted into random lengths: almost always over 256 bytes.
          server.receive(garbage);
        } catch (error) {
          expect(error).toBeInstanceOf(TransportError);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("random bytes fed to a server connection only ever throw TransportError", () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 8 }), (chunks) => {
        const server = new ServerConnection({
          crypto,
          secrets: ["ee852380f362a09343efb4690c4e17862e676f6f676c652e636f6d"],
          maxPacketLength: 4096,
        });
        try {
          for (const chunk of chunks) server.receive(chunk);
        } catch (error) {
          expect(error).toBeInstanceOf(TransportError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("fake-TLS: a ServerHello with a wrong HMAC is rejected", () => {
    const secret = "ee852380f362a09343efb4690c4e17862e676f6f676c652e636f6d";
    const client = new ClientConnection({ crypto, obfuscation: { secret } });
    const server = new ServerConnection({ crypto, secrets: [secret] });
    server.receive(client.takeOutput()!);
    const answer = server.takeOutput()!;
    answer[20] = answer[20]! ^ 1;
    expect(() => client.receive(answer)).toThrow(code("TLS_HANDSHAKE"));
  });

  it("fake-TLS: a ClientHello for another secret or a stale clock is rejected", () => {
    const secret = "ee852380f362a09343efb4690c4e17862e676f6f676c652e636f6d";
    const other = "eedf71035a8ed48a623d8e83e66aec4d0562696e672e636f6d";
    const hello = new ClientConnection({ crypto, obfuscation: { secret } }).takeOutput()!;
    expect(() => new ServerConnection({ crypto, secrets: [other] }).receive(hello)).toThrow(code("TLS_HANDSHAKE"));
    const stale = new ClientConnection({
      crypto,
      obfuscation: { secret },
      now: () => Date.now() - 3_600_000,
    }).takeOutput()!;
    expect(() => new ServerConnection({ crypto, secrets: [secret] }).receive(stale)).toThrow(code("TLS_HANDSHAKE"));
  });

  it("fake-TLS: an unexpected record type after the handshake is TLS_RECORD", () => {
    const secret = "ee852380f362a09343efb4690c4e17862e676f6f676c652e636f6d";
    const client = new ClientConnection({ crypto, obfuscation: { secret } });
    const server = new ServerConnection({ crypto, secrets: [secret] });
    server.receive(client.takeOutput()!);
    client.receive(server.takeOutput()!);
    expect(() => client.receive(Uint8Array.of(0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28))).toThrow(code("TLS_RECORD"));
  });
});
