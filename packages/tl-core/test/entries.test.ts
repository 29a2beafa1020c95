// registryOf + the generated entries (src/generated/*/entries.ts): a registry of a few constructors
// encodes and decodes them exactly like the full layer, and rejects everything else.
import { describe, expect, it } from "vitest";
import { decodeObject, encodeObject, registryOf } from "../src/index.js";
import { apiRegistry } from "../src/api.js";
import * as entries from "../src/api-entries.js";
import { c_inputPeerEmpty, c_inputPeerUser, c_help_getNearestDc, c_nearestDc } from "../src/api-entries.js";

describe("registryOf with generated entries", () => {
  const registry = registryOf([c_inputPeerUser, c_inputPeerEmpty, c_help_getNearestDc, c_nearestDc]);

  it("gives the same bytes and objects as the full layer", () => {
    for (const value of [
      { _: "inputPeerUser", userId: 777n, accessHash: -5n },
      { _: "inputPeerEmpty" },
      { _: "help.getNearestDc" },
      { _: "nearestDc", country: "DE", thisDc: 2, nearestDc: 4 },
    ]) {
      const bytes = encodeObject(registry, value);
      expect(bytes).toEqual(encodeObject(apiRegistry, value));
      expect(decodeObject(registry, bytes)).toEqual(decodeObject(apiRegistry, bytes));
    }
    expect(registry.results.get("help.getNearestDc")).toBe(apiRegistry.results.get("help.getNearestDc"));
  });

  it("rejects constructors it was not given, in both directions", () => {
    expect(() => encodeObject(registry, { _: "inputPeerSelf" })).toThrow();
    expect(() => decodeObject(registry, encodeObject(apiRegistry, { _: "inputPeerSelf" }))).toThrow();
  });

  it("has one entry per constructor and method of the layer, with the layer's ids", () => {
    const all = Object.values(entries);
    expect(all.length).toBe(apiRegistry.readers.size);
    for (const entry of all) {
      expect(apiRegistry.readers.get(entry.id)?.type).toBe(entry.type);
      if (entry.write !== undefined) expect(apiRegistry.writers.get(entry.name)?.id).toBe(entry.id);
    }
  });
});
