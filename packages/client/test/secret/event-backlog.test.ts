// The events secret chats hold until the first listener: in order, bounded, and the loss counted.
import { expect, it } from "vitest";
import { EventBacklog } from "../../src/secret/event-backlog.js";

it("hands what it holds to the listener in order, the count of dropped ones first, then holds nothing", () => {
  const backlog = new EventBacklog<string>(3);
  for (const event of ["a", "b", "c", "d", "e"]) backlog.push(event);
  expect(backlog.size).toBe(3);
  const seen: string[] = [];
  backlog.drainTo(
    (event) => seen.push(event),
    (count) => `dropped ${String(count)}`,
  );
  expect(seen).toEqual(["dropped 2", "c", "d", "e"]);
  expect(backlog.size).toBe(0);
  backlog.push("f");
  const again: string[] = [];
  backlog.drainTo(
    (event) => again.push(event),
    (count) => `dropped ${String(count)}`,
  );
  expect(again).toEqual(["f"]);
});
