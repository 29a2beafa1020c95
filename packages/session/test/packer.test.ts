import { describe, expect, it } from 'vitest';
import { decodeContainer, MAX_CONTAINER_BYTES, MsgIdClock, SeqNoCounter } from '../src/index.js';
import { newOutgoing } from '../src/core/outbox.js';
import { packMessages } from '../src/core/packer.js';
import { maybeGzip } from '../src/core/gzip-packed.js';
import { SessionCodec } from '../src/tl/codec.js';
import { seededRandom, testClock } from './helpers/env.js';

const body = (n: number): Uint8Array => new Uint8Array(n).fill(1);

describe('packing outgoing messages', () => {
  it('puts at most 1024 messages in one container, ids of contents below the container id', () => {
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

  it('splits by size and sends a huge or non-containable message alone', () => {
    const clock = new MsgIdClock(testClock().now);
    const seq = new SeqNoCounter();
    const big = Math.floor(MAX_CONTAINER_BYTES / 3);
    const alone = newOutgoing(body(16), { contentRelated: true });
    alone.containable = false;
    const top = packMessages(
      [newOutgoing(body(big), { contentRelated: true }), newOutgoing(body(big), { contentRelated: true }), newOutgoing(body(big), { contentRelated: true }), alone],
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

  it('gzips outgoing bodies only when that saves at least 10%', () => {
    const codec = new SessionCodec();
    expect(maybeGzip(body(100), codec)).toHaveLength(100); // too small to bother
    const random = seededRandom('incompressible')(4000);
    expect(maybeGzip(random, codec)).toBe(random); // incompressible
    const packed = maybeGzip(body(4000), codec);
    expect(packed.length).toBeLessThan(400);
    expect(new DataView(packed.buffer, packed.byteOffset).getUint32(0, true)).toBe(0x3072cfa1);
  });
});
