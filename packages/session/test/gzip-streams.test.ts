import { gzipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { gzipPackedBytes } from "./helpers/gzip-packed.js";
import { apiRegistry } from "@mtkit/tl-core/api";
import { concatBytes } from "@mtkit/mtproto-crypto";
import {
  createAuthKeyOverTransport,
  expandGzipPacked,
  gzipInflateBounded,
  gzipWithStreams,
  hasGzipPacked,
  inflateWithStreams,
  SessionCodec,
  SessionDriver,
  type AsyncGunzip,
} from "../src/index.js";
import { encodeContainer } from "../src/core/container.js";
import { InboundQueue } from "../src/driver/inbound-queue.js";
import { crypto, seededRandom } from "./helpers/env.js";
import { serverRsaKey } from "./helpers/handshake.js";
import { Harness } from "./helpers/harness.js";
import { PipeServer } from "./helpers/pipe-server.js";

// gzip_packed (https://core.telegram.org/mtproto/service_messages#packed-object) through the
// platform's CompressionStream / DecompressionStream (Node has them too; the Chromium run is in
// the client's browser tests), with the same running cap as the synchronous inflater.
const codec = new SessionCodec(apiRegistry);
const MiB = 1024 * 1024;

const rpcResultHeader = (reqMsgId: number): Uint8Array => {
  const header = new Uint8Array(12);
  new DataView(header.buffer).setUint32(0, 0xf35c6d01, true);
  new DataView(header.buffer).setUint32(4, reqMsgId, true);
  return header;
};
const nearestDc = codec.encode({ _: "nearestDc", country: "NL".repeat(300), thisDc: 2, nearestDc: 2 });

describe("inflateWithStreams / gzipWithStreams", () => {
  it("inflates what fflate and CompressionStream produce, like the synchronous inflater", async () => {
    const data = new TextEncoder().encode("mtproto ".repeat(2_000));
    const stream = gzipSync(data);
    expect(await inflateWithStreams(stream)).toEqual(gzipInflateBounded(stream));
    expect(await inflateWithStreams(await gzipWithStreams(data))).toEqual(data);
  });

  it("stops a gzip bomb at the cap with GZIP_TOO_LARGE (16 MiB of zeros, 1 MiB cap)", async () => {
    const bomb = gzipSync(new Uint8Array(16 * MiB));
    expect(bomb.length).toBeLessThan(64 * 1024);
    await expect(inflateWithStreams(bomb, MiB)).rejects.toMatchObject({ code: "GZIP_TOO_LARGE" });
  });

  it("refuses short, corrupt, truncated and lying streams with GZIP_INVALID", async () => {
    const stream = gzipSync(new Uint8Array(5000).fill(3));
    const lying = stream.slice();
    new DataView(lying.buffer).setUint32(lying.length - 4, 16 * MiB, true);
    const corrupt = stream.slice();
    corrupt[12] = corrupt[12]! ^ 0xff;
    for (const bad of [stream.subarray(0, 10), stream.subarray(0, stream.length - 6), lying, corrupt]) {
      await expect(inflateWithStreams(bad)).rejects.toMatchObject({ code: "GZIP_INVALID" });
    }
  });
});

describe("expandGzipPacked", () => {
  it("inflates bodies, rpc_result results and container items; leaves bombs, containers and plain bodies as they are", async () => {
    const packed = gzipPackedBytes(gzipSync(nearestDc));
    const bomb = gzipPackedBytes(gzipSync(new Uint8Array(4 * MiB)));
    const nested = gzipPackedBytes(gzipSync(encodeContainer([{ msgId: 5n, seqNo: 1, body: nearestDc }])));
    expect(hasGzipPacked(nearestDc)).toBe(false);
    expect(await expandGzipPacked(packed, codec, inflateWithStreams)).toEqual(nearestDc);
    const rpc = concatBytes(rpcResultHeader(7), packed);
    expect(hasGzipPacked(rpc)).toBe(true);
    expect(await expandGzipPacked(rpc, codec, inflateWithStreams)).toEqual(concatBytes(rpcResultHeader(7), nearestDc));

    const items = [packed, concatBytes(rpcResultHeader(9), packed), nearestDc, bomb, nested].map((body, i) => ({
      msgId: BigInt(i * 4 + 1),
      seqNo: 1,
      body,
    }));
    const container = encodeContainer(items);
    expect(hasGzipPacked(container)).toBe(true);
    const expanded = await expandGzipPacked(container, codec, inflateWithStreams, MiB);
    expect(expanded).toEqual(
      encodeContainer([
        { ...items[0]!, body: nearestDc },
        { ...items[1]!, body: concatBytes(rpcResultHeader(9), nearestDc) },
        items[2]!,
        items[3]!,
        items[4]!,
      ]),
    );
  });
});

describe("InboundQueue", () => {
  it("runs steps at once while none waits, and later ones behind a waiting step, in order", async () => {
    const order: string[] = [];
    const queue = new InboundQueue(() => undefined);
    queue.run(() => void order.push("a"));
    let release = (): void => undefined;
    queue.run(() => new Promise<void>((resolve) => (release = resolve)).then(() => void order.push("b")));
    queue.run(() => void order.push("c"));
    expect(order).toEqual(["a"]);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(order).toEqual(["a", "b", "c"]);
    queue.run(() => void order.push("d"));
    expect(order).toEqual(["a", "b", "c", "d"]);
  });
});

const drivers: SessionDriver[] = [];
afterEach(async () => {
  await Promise.all(drivers.splice(0).map((d) => d.close()));
});

describe("a driver with an asynchronous gunzip", () => {
  it("receives gzip_packed answers through it, decoded as before", async () => {
    const harness = new Harness("streams", { ms: 0, now: () => Date.now(), advance: () => undefined });
    const server = new PipeServer(harness);
    const address = { dcId: 2, host: "pipe", port: 0 };
    let calls = 0;
    const gunzip: AsyncGunzip = (data, maxBytes) => {
      calls++;
      return inflateWithStreams(data, maxBytes);
    };
    const env = { crypto, now: () => Date.now(), randomBytes: seededRandom("streams-client"), gunzip };
    const handshake = server.pipe.createTransport();
    await handshake.connect(address);
    const key = await createAuthKeyOverTransport(handshake, { env, rsaKeys: [serverRsaKey().publicKey], dcId: 2 });
    await handshake.close();
    harness.handler = (request, session, reqMsgId) => {
      if (request._ === "help.getNearestDc")
        session.sendResult(reqMsgId, { _: "nearestDc", country: "NL".repeat(300), thisDc: 2, nearestDc: 2 });
    };
    const driver = new SessionDriver({
      env,
      transport: server.pipe.createTransport(),
      address,
      authKey: key.authKey,
      serverSalt: key.serverSalt,
      timeOffsetMs: key.timeOffsetMs,
      apiRegistry,
    });
    drivers.push(driver);
    await driver.connect();
    const [first, second] = await Promise.all([
      driver.invoke({ _: "help.getNearestDc" }),
      driver.invoke({ _: "help.getNearestDc" }),
    ]);
    expect(first).toMatchObject({ country: "NL".repeat(300), thisDc: 2 });
    expect(second).toEqual(first);
    expect(calls).toBeGreaterThanOrEqual(2);
  });
});
