import { describe, expect, it } from "vitest";
import { FaultKnobs } from "../../src/index.js";

describe("FaultKnobs", () => {
  it("fires a knob the given number of times, exact method before the wildcard", () => {
    const knobs = new FaultKnobs();
    knobs.floodWait("help.getConfig", 3, 2);
    knobs.delay("*", 10);
    expect(knobs.take("help.getConfig")).toEqual([
      { kind: "rpcError", code: 420, message: "FLOOD_WAIT_3" },
      { kind: "delay", ms: 10 },
    ]);
    expect(knobs.take("help.getConfig")).toEqual([{ kind: "rpcError", code: 420, message: "FLOOD_WAIT_3" }]);
    expect(knobs.take("help.getConfig")).toEqual([]);
  });

  it("builds *_MIGRATE_X errors and forgets everything on clear()", () => {
    const knobs = new FaultKnobs();
    knobs.migrate("help.getNearestDc", 4, "PHONE", Infinity);
    expect(knobs.take("help.getNearestDc")).toEqual([{ kind: "rpcError", code: 303, message: "PHONE_MIGRATE_4" }]);
    expect(knobs.take("help.getNearestDc")).toHaveLength(1);
    knobs.dropNextConnectionAfter(2);
    knobs.clear();
    expect(knobs.take("help.getNearestDc")).toEqual([]);
    expect(knobs.takeDropAfterPackets()).toBeUndefined();
  });

  it("applies the packet-drop knob to one connection only", () => {
    const knobs = new FaultKnobs();
    knobs.dropNextConnectionAfter(3);
    expect(knobs.takeDropAfterPackets()).toBe(3);
    expect(knobs.takeDropAfterPackets()).toBeUndefined();
  });

  it("blackholes one connection only, and silencing bumps a generation that older connections compare against", () => {
    const knobs = new FaultKnobs();
    knobs.blackholeNextConnectionAfter(2);
    expect(knobs.takeBlackholeAfterPackets()).toBe(2);
    expect(knobs.takeBlackholeAfterPackets()).toBeUndefined();
    const acceptedAt = knobs.silencedGeneration;
    knobs.silenceConnections();
    expect(knobs.silencedGeneration).not.toBe(acceptedAt);
    knobs.blackholeNextConnectionAfter(1);
    knobs.clear();
    expect(knobs.takeBlackholeAfterPackets()).toBeUndefined();
  });
});
