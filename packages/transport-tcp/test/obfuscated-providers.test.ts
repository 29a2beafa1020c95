// Obfuscated connections between every pair of CTR stream implementations: node:crypto's cipher
// (no in-place path), the AES-NI addon stream (in place when built), WebAssembly and pure-JS
// portable streams (in place). The sender encrypts the framed packet in place when it can, so any
// disagreement or aliasing bug shows up as garbage at the other end.
// https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation
import { createPortableCrypto, type CryptoProvider } from "@mtkit/mtproto-crypto";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import { describe, expect, it } from "vitest";
import { ClientConnection } from "../src/codec/client-connection.js";
import { ServerConnection } from "../src/codec/server-connection.js";

const providers: [string, CryptoProvider][] = [
  ["node cipher", createNodeCrypto({ native: false })],
  ["node", createNodeCrypto()],
  ["portable", createPortableCrypto()],
  ["portable js", createPortableCrypto({ wasm: false })],
];
const pairs = providers.flatMap(([a, ca]) => providers.map(([b, cb]) => [`${a} -> ${b}`, ca, cb] as const));

const packet = (length: number, seed: number): Uint8Array => new Uint8Array(length).map((_, i) => (i * seed + 7) & 255);

describe.each(pairs)("obfuscated intermediate, %s", (_name, clientCrypto, serverCrypto) => {
  it("packets of odd sizes arrive intact both ways, and the sent packet is not modified", () => {
    const client = new ClientConnection({ protocol: "intermediate", obfuscation: { dcId: -2 }, crypto: clientCrypto });
    const server = new ServerConnection({ crypto: serverCrypto });
    const sizes = [24, 40, 1048, 4, 17 * 16 + 8, 70_000];
    for (const [index, size] of sizes.entries()) {
      const sent = packet(size - (size % 4), index + 3);
      const copy = Uint8Array.from(sent);
      client.sendPacket(sent);
      const frames = server.receive(client.takeOutput()!);
      expect(frames).toEqual([{ kind: "packet", payload: copy, quickAckRequested: false }]);
      expect(sent).toEqual(copy);
      server.sendPacket(sent, false);
      expect(client.receive(server.takeOutput()!)).toEqual([
        { kind: "packet", payload: copy, quickAckRequested: false },
      ]);
    }
    expect(server.info).toMatchObject({ protocol: "intermediate", obfuscated: true, dcId: -2 });
  });
});
