// combineRegistries copies the first registry's maps and overlays the rest: later registries win on
// an id or name they share, and nothing of any input is lost or changed.
import { describe, expect, it } from "vitest";
import { c_inputPeerEmpty, c_inputPeerSelf } from "../src/generated/api/entries.js";
import { apiRegistry } from "../src/api.js";
import { mtprotoRegistry } from "../src/mtproto.js";
import { combineRegistries, registryOf } from "../src/runtime/registry.js";
import type { TlEntry } from "../src/runtime/types.js";

describe("combineRegistries", () => {
  it("holds every entry of every input and leaves the inputs alone", () => {
    const apiSize = apiRegistry.readers.size;
    const combined = combineRegistries(apiRegistry, mtprotoRegistry);
    for (const [id, entry] of mtprotoRegistry.readers) expect(combined.readers.get(id)).toBe(entry);
    for (const [id] of apiRegistry.readers) expect(combined.readers.has(id)).toBe(true);
    for (const [name, entry] of mtprotoRegistry.writers) expect(combined.writers.get(name)).toBe(entry);
    for (const [name] of apiRegistry.results) expect(combined.results.has(name)).toBe(true);
    expect(apiRegistry.readers.size).toBe(apiSize);
    expect(combined.readers).not.toBe(apiRegistry.readers);
  });

  it("lets the later registry win on a shared id and name", () => {
    const impostor: TlEntry = { ...c_inputPeerSelf, id: c_inputPeerEmpty.id, name: c_inputPeerEmpty.name };
    const first = registryOf([c_inputPeerEmpty, c_inputPeerSelf]);
    const second = registryOf([impostor]);
    const combined = combineRegistries(first, second);
    expect(combined.readers.get(c_inputPeerEmpty.id)?.read).toBe(c_inputPeerSelf.read);
    expect(combined.writers.get("inputPeerEmpty")).toBe(second.writers.get("inputPeerEmpty"));
    expect(combineRegistries(second, first).readers.get(c_inputPeerEmpty.id)?.read).toBe(c_inputPeerEmpty.read);
    expect(combined.readers.size).toBe(2);
  });

  it("makes an empty registry of no registries", () => {
    const empty = combineRegistries();
    expect([empty.readers.size, empty.writers.size, empty.results.size]).toEqual([0, 0, 0]);
  });
});
