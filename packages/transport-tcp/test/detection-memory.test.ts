// A slowloris peer drips the first bytes of its transport one read at a time. Node hands each read
// over as a view of a buffer of its own; a server that kept those views until the transport is known
// would hold one buffer per byte for every such connection (issue 13). These views stand in for
// socket reads with a large buffer each, so whether they are still held shows in what GC can free.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { ServerConnection } from "../src/index.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Feeds `count` one-byte reads, each a view of its own 256 KiB buffer; returns weak refs to those buffers. */
function drip(connection: ServerConnection, count: number): WeakRef<ArrayBuffer>[] {
  const refs: WeakRef<ArrayBuffer>[] = [];
  for (let i = 0; i < count; i++) {
    const read = new Uint8Array(256 * 1024);
    read[100] = 0x42; // never a plain transport tag: an obfuscation header in the making
    connection.receive(read.subarray(100, 101));
    refs.push(new WeakRef(read.buffer));
  }
  return refs;
}

async function collected(refs: readonly WeakRef<ArrayBuffer>[]): Promise<number> {
  // WeakRefs hold their target until the current job ends: collect in later turns.
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    gc();
  }
  return refs.filter((ref) => ref.deref() === undefined).length;
}

describe("transport detection of a dripping peer", () => {
  it("holds the bytes, not the read buffers they came in", async () => {
    const connection = new ServerConnection();
    const refs = drip(connection, 40);
    expect(connection.bufferedLength).toBe(40);
    expect(await collected(refs)).toBe(40);
    expect(connection.info).toBeUndefined(); // still waiting for the rest of the header
  });
});
