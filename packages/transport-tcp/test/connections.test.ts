import { describe, expect, it } from "vitest";
import { ClientConnection } from "../src/codec/client-connection.js";
import type { Frame } from "../src/codec/frame.js";
import { ServerConnection } from "../src/codec/server-connection.js";
import { fixedRandomCrypto, testCrypto } from "./helpers/crypto.js";
import { clientOptions, combinations, serverOptions } from "./helpers/matrix.js";

const crypto = testCrypto();

/** Moves bytes both ways until neither side has output; returns what each side decoded. */
function pump(client: ClientConnection, server: ServerConnection): { atServer: Frame[]; atClient: Frame[] } {
  const atServer: Frame[] = [];
  const atClient: Frame[] = [];
  for (let round = 0; round < 10; round++) {
    const up = client.takeOutput();
    if (up !== undefined) atServer.push(...server.receive(up));
    const down = server.takeOutput();
    if (down !== undefined) atClient.push(...client.receive(down));
    if (up === undefined && down === undefined) break;
  }
  return { atServer, atClient };
}

const encrypted = (n: number, fill: number): Uint8Array => {
  const out = new Uint8Array(24 + 16 * n).fill(fill);
  return out;
};

describe.each(combinations().map((c) => [c.name, c] as const))("client <-> server codecs: %s", (_name, combo) => {
  it("exchange packets both ways, including ones sent before the handshake finished", () => {
    const client = new ClientConnection(clientOptions(combo, crypto));
    const server = new ServerConnection(serverOptions(crypto));
    const first = encrypted(3, 1);
    const big = encrypted(40_000, 2); // 640 KiB: split into many fake-TLS records
    client.sendPacket(first);
    client.sendPacket(big);
    const up = pump(client, server);
    expect(
      up.atServer.map(
        (f) => f.kind === "packet" && Buffer.from(f.payload).equals(Buffer.from(f === up.atServer[0] ? first : big)),
      ),
    ).toEqual([true, true]);
    expect(server.info?.protocol).toBe(combo.expectedProtocol);
    expect(server.info?.obfuscated).toBe(combo.mode !== "plain");
    if (combo.mode !== "plain") expect(server.info?.dcId).toBe(2);
    if (combo.mode === "ee-fake-tls") expect(server.info?.secretKind).toBe("fakeTls");
    if (combo.mode === "dd-secret") expect(server.info?.secretKind).toBe("secured");

    const reply = encrypted(5, 3);
    server.sendPacket(reply);
    server.sendPacket(big);
    const down = pump(client, server);
    expect(down.atClient).toHaveLength(2);
    expect(down.atClient[0]).toEqual({ kind: "packet", payload: reply, quickAckRequested: false });
  });

  it("quick acks and transport errors travel", () => {
    const client = new ClientConnection(clientOptions(combo, crypto));
    const server = new ServerConnection(serverOptions(crypto));
    client.sendPacket(encrypted(1, 9), true);
    const up = pump(client, server);
    const supportsQuickAck = combo.expectedProtocol !== "full";
    expect(up.atServer[0]).toMatchObject({ kind: "packet", quickAckRequested: supportsQuickAck });
    if (supportsQuickAck) server.sendQuickAck(0x8abcdef0);
    server.sendStatus(-429);
    const down = pump(client, server);
    const kinds = down.atClient.map((f) =>
      f.kind === "quickAck" ? f.token : f.kind === "status" ? f.error.status : "packet",
    );
    expect(kinds).toEqual(supportsQuickAck ? [0x8abcdef0, -429] : [-429]);
  });
});

describe("detection corner cases", () => {
  it("an obfuscated init starting with 0x16 is not mistaken for a TLS ClientHello", () => {
    const random = new Uint8Array(64).map((_, i) => (i * 7 + 1) & 0xff);
    random[0] = 0x16;
    random[1] = 0x03;
    const client = new ClientConnection({ crypto: fixedRandomCrypto(random), obfuscation: true, protocol: "abridged" });
    const server = new ServerConnection(serverOptions(crypto));
    const hello = encrypted(2, 4);
    client.sendPacket(hello);
    const { atServer } = pump(client, server);
    expect(server.info).toMatchObject({ protocol: "abridged", obfuscated: true });
    expect(atServer).toEqual([{ kind: "packet", payload: hello, quickAckRequested: false }]);
  });
});

describe("fake-TLS wire shape", () => {
  it("client hello is a 517-byte TLS record with the SNI; data goes as 17 03 03 records of <= 2878 bytes", () => {
    const combo = combinations().find((c) => c.mode === "ee-fake-tls")!;
    const client = new ClientConnection(clientOptions(combo, crypto));
    const server = new ServerConnection(serverOptions(crypto));
    const hello = client.takeOutput()!;
    expect(hello).toHaveLength(517);
    expect(Array.from(hello.subarray(0, 3))).toEqual([0x16, 0x03, 0x01]);
    expect(Buffer.from(hello).includes(Buffer.from("google.com"))).toBe(true);
    server.receive(hello);
    client.receive(server.takeOutput()!);
    client.sendPacket(new Uint8Array(10_024));
    const wire = client.takeOutput()!;
    expect(Array.from(wire.subarray(0, 6))).toEqual([0x14, 0x03, 0x03, 0x00, 0x01, 0x01]);
    let offset = 6;
    let records = 0;
    while (offset < wire.length) {
      expect(Array.from(wire.subarray(offset, offset + 3))).toEqual([0x17, 0x03, 0x03]);
      const size = (wire[offset + 3]! << 8) | wire[offset + 4]!;
      expect(size).toBeLessThanOrEqual(2878);
      offset += 5 + size;
      records++;
    }
    expect(offset).toBe(wire.length);
    expect(records).toBeGreaterThan(3);
  });
});
