import { describe, expect, it } from "vitest";
import { UpdateFaults } from "../../src/faults/update-faults.js";

function run(faults: UpdateFaults, count: number): number[] {
  const delivered: number[] = [];
  for (let i = 1; i <= count; i++) faults.route(() => delivered.push(i));
  return delivered;
}

describe("update fault knobs", () => {
  it("drop loses the next pushes, then disarms", () => {
    const faults = new UpdateFaults();
    faults.drop(2);
    expect(run(faults, 4)).toEqual([3, 4]);
  });

  it("duplicate sends one twice", () => {
    const faults = new UpdateFaults();
    faults.duplicate();
    expect(run(faults, 2)).toEqual([1, 1, 2]);
  });

  it("reorder holds one back until after the next", () => {
    const faults = new UpdateFaults();
    faults.reorder();
    expect(run(faults, 3)).toEqual([2, 1, 3]);
  });

  it("forced TooLong answers fire the asked number of times; clear disarms everything", () => {
    const faults = new UpdateFaults();
    faults.forceDifferenceTooLong(2);
    faults.forceChannelDifferenceTooLong();
    expect([faults.takeDifferenceTooLong(), faults.takeDifferenceTooLong(), faults.takeDifferenceTooLong()]).toEqual([
      true,
      true,
      false,
    ]);
    faults.drop(5);
    faults.clear();
    expect(faults.takeChannelDifferenceTooLong()).toBe(false);
    expect(run(faults, 2)).toEqual([1, 2]);
  });
});
