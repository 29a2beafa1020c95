import { describe, expect, it } from "vitest";
import { RpcError } from "../../src/errors/rpc-error.js";
import { paginate, type Page } from "../../src/messages/paginate.js";

const pages: Page<number, number>[] = [
  { items: [1, 2], next: 1 },
  { items: [3, 4], next: 2 },
  { items: [5], next: null },
];

function recorder() {
  const sleeps: number[] = [];
  return { sleeps, sleep: (ms: number) => Promise.resolve(void sleeps.push(ms)) };
}

async function collect<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterator) out.push(item);
  return out;
}

describe("paginate", () => {
  it("walks pages until next is null, pacing between them", async () => {
    const { sleeps, sleep } = recorder();
    const asked: (number | null)[] = [];
    const items = await collect(
      paginate(0, (cursor) => (asked.push(cursor), Promise.resolve(pages[cursor ?? 0]!)), sleep, { pageDelayMs: 300 }),
    );
    expect(items).toEqual([1, 2, 3, 4, 5]);
    expect(asked).toEqual([0, 1, 2]);
    expect(sleeps).toEqual([300, 300]);
  });

  it("stops at the limit without asking for another page", async () => {
    const asked: (number | null)[] = [];
    const items = await collect(
      paginate(0, (cursor) => (asked.push(cursor), Promise.resolve(pages[cursor ?? 0]!)), recorder().sleep, {
        limit: 3,
      }),
    );
    expect(items).toEqual([1, 2, 3]);
    expect(asked).toEqual([0, 1]);
  });

  it("sleeps through a FLOOD_WAIT up to maxFloodWaitSeconds and asks for the same page again", async () => {
    const { sleeps, sleep } = recorder();
    const waits: number[] = [];
    let failures = 1;
    const fetch = (cursor: number | null) => {
      if (cursor === 1 && failures-- > 0)
        return Promise.reject(new RpcError(420, "FLOOD_WAIT_42", "channels.getParticipants"));
      return Promise.resolve(pages[cursor ?? 0]!);
    };
    expect(await collect(paginate(0, fetch, sleep, { onFloodWait: (s) => waits.push(s) }))).toEqual([1, 2, 3, 4, 5]);
    expect(waits).toEqual([42]);
    expect(sleeps).toEqual([42_000]);
  });

  it("throws a longer FLOOD_WAIT and any other error at once", async () => {
    const flood = () => Promise.reject(new RpcError(420, "FLOOD_WAIT_900"));
    await expect(collect(paginate(0, flood, recorder().sleep, { maxFloodWaitSeconds: 60 }))).rejects.toMatchObject({
      name: "FLOOD_WAIT",
      argument: 900,
    });
    const other = () => Promise.reject(new RpcError(400, "CHANNEL_PRIVATE"));
    await expect(collect(paginate(0, other, recorder().sleep))).rejects.toMatchObject({ name: "CHANNEL_PRIVATE" });
  });

  it("an empty page ends the walk even with a cursor", async () => {
    expect(await collect(paginate(0, () => Promise.resolve({ items: [], next: 7 }), recorder().sleep))).toEqual([]);
  });
});
