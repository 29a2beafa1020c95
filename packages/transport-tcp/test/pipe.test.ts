import { describe, expect, it } from "vitest";
import { createPipePair, PipeTransportServer } from "../src/transport/pipe.js";
import { EventCollector } from "./helpers/collect.js";
import { testCrypto } from "./helpers/crypto.js";

const crypto = testCrypto();

describe("in-memory pipe transport", () => {
  it("createPipePair exchanges packets through the real codecs", async () => {
    const { client, server } = await createPipePair({
      client: { crypto, obfuscation: true, protocol: "padded" },
      server: { crypto },
    });
    const atServer = new EventCollector(server);
    const atClient = new EventCollector(client);
    const packet = new Uint8Array(56).fill(1);
    await client.send(packet, { quickAck: true });
    await atServer.waitForPackets(1);
    expect(server.info).toMatchObject({ protocol: "padded", obfuscated: true });
    await server.sendQuickAck(0x80000001);
    await server.send(packet);
    await atClient.waitForPackets(1);
    expect(atClient.events[0]).toEqual({ type: "quickAck", token: 0x80000001 });
    await client.close();
    await atServer.waitForClose();
    expect(server.closed).toBe(true);
  });

  it("a pipe server hands out one connection per connect", async () => {
    const pipe = new PipeTransportServer();
    let connections = 0;
    pipe.onConnection(() => {
      connections++;
    });
    const a = pipe.createTransport();
    const b = pipe.createTransport({ protocol: "full" });
    await a.connect({ dcId: 1, host: "x", port: 0 });
    await b.connect({ dcId: 1, host: "x", port: 0 });
    expect(connections).toBe(2);
    await pipe.close();
  });

  it("send after close rejects with CLOSED", async () => {
    const { client } = await createPipePair();
    await client.close();
    await expect(client.send(new Uint8Array(4))).rejects.toMatchObject({ code: "CLOSED" });
  });
});

describe("connect lifecycle", () => {
  it("close() during connect aborts the dial; connect twice at once is refused", async () => {
    const { StreamTransport } = await import("../src/transport/stream-transport.js");
    const transport = new StreamTransport({
      connection: {},
      dial: (_address, signal) =>
        new Promise((_resolve, reject) => {
          signal?.addEventListener("abort", () => {
            reject(new Error("dial aborted"));
          });
        }),
    });
    const pending = transport.connect({ dcId: 1, host: "x", port: 0 });
    await expect(transport.connect({ dcId: 1, host: "x", port: 0 })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await transport.close();
    await expect(pending).rejects.toThrow("dial aborted");
    expect(transport.closed).toBe(true);
  });
});
