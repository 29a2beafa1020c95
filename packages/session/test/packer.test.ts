import { describe, expect, it } from "vitest";
import { decodeContainer, MAX_CONTAINER_BYTES, MsgIdClock, SeqNoCounter } from "../src/index.js";
import { newOutgoing, Outbox } from "../src/core/outbox.js";
import { packMessages } from "../src/core/packer.js";
import { maybeGzip } from "../src/core/gzip-packed.js";
import { SessionCodec } from "../src/tl/codec.js";
import { seededRandom, testClock } from "./helpers/env.js";

const body = (n: number): Uint8Array => new Uint8Array(n).fill(1);

describe("packing outgoing messages", () => {
  it("puts at most 1024 messages in one container, ids of contents below the container id", () => {
    const clock = new MsgIdClock(testClock().now);
    const seq = new SeqNoCounter();
    const messages = Array.from({ length: 1500 }, () => newOutgoing(body(8), { contentRelated: true }));
    const top = packMessages(messages, clock, seq);
    expect(top.map((t) => t.items.length)).toEqual([1024, 476]);
    for (const t of top) {
      const items = decodeContainer(t.body);
      expect(items.every((i) => i.msgId < t.msgId)).toBe(true);
      expect(t.seqNo % 2).toBe(0); // a container is not content-related
      expect(items.every((i) => i.seqNo % 2 === 1)).toBe(true);
    }
  });

  it("splits by size and sends a huge or non-containable message alone", () => {
    const clock = new MsgIdClock(testClock().now);
    const seq = new SeqNoCounter();
    const big = Math.floor(MAX_CONTAINER_BYTES / 3);
    const alone = newOutgoing(body(16), { contentRelated: true });
    alone.containable = false;
    const top = packMessages(
      [
        newOutgoing(body(big), { contentRelated: true }),
        newOutgoing(body(big), { contentRelated: true }),
        newOutgoing(body(big), { contentRelated: true }),
        alone,
      ],
      clock,
      seq,
    );
    expect(top.map((t) => [t.isContainer, t.items.length])).toEqual([
      [true, 2],
      [false, 1],
      [false, 1],
    ]);
    expect(top.every((t) => t.body.length <= MAX_CONTAINER_BYTES)).toBe(true);
  });

  it("gzips outgoing bodies only when that saves at least 10%", () => {
    const codec = new SessionCodec();
    expect(maybeGzip(body(100), codec)).toHaveLength(100); // too small to bother
    const random = seededRandom("incompressible")(4000);
    expect(maybeGzip(random, codec)).toBe(random); // incompressible
    const packed = maybeGzip(body(4000), codec);
    expect(packed.length).toBeLessThan(400);
    expect(new DataView(packed.buffer, packed.byteOffset).getUint32(0, true)).toBe(0x3072cfa1);
    // A large body is probed on its first 4 KiB: noise there (a media file part) is sent as is.
    const part = seededRandom("file part")(512 * 1024);
    expect(maybeGzip(part, codec)).toBe(part);
    expect(maybeGzip(body(64 * 1024), codec).length).toBeLessThan(6400);
  });
});

describe("container bookkeeping in the outbox", () => {
  it("a notice about a container reaches its unanswered requests; answered ones, and finally the container, are forgotten", () => {
    const outbox = new Outbox();
    const clock = new MsgIdClock(testClock().now);
    const seq = new SeqNoCounter();
    const requests = [1, 2].map((requestId) => newOutgoing(new Uint8Array(8), { requestId, contentRelated: true }));
    const ack = newOutgoing(new Uint8Array(8), { contentRelated: false });
    const [top] = packMessages([...requests, ack], clock, seq);
    expect(top?.isContainer).toBe(true);
    for (const m of top!.items) outbox.markSent(m);
    outbox.markContainer(top!.msgId, top!.items);
    expect(outbox.resolve(top!.msgId).map((m) => m.requestId)).toEqual([1, 2]);
    outbox.complete(requests[0]!.msgId!);
    expect(outbox.resolve(top!.msgId).map((m) => m.requestId)).toEqual([2]);
    // Resent (e.g. after bad_server_salt): it leaves the container, which then holds nothing to wait for.
    outbox.requeue(requests[1]!, false);
    expect(outbox.resolve(top!.msgId)).toEqual([]);
    expect(requests[1]!.containerId).toBeUndefined();
  });
});
