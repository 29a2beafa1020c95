import { describe, expect, it } from "vitest";
import { apiRegistry } from "../src/api.js";
import {
  adaptResult,
  anyLayerRegistry,
  BASE_LAYER,
  KNOWN_LAYERS,
  layerModel,
  neutralInstance,
  registryForLayer,
  resolveLayer,
} from "../src/layers.js";
import { decodeObject, encodeObject } from "../src/runtime/codec.js";
import { TlError } from "../src/runtime/errors.js";
import type { TlObject } from "../src/runtime/types.js";

// Issue 16: older API layers as data. Every known layer writes base (228) objects in its own
// constructors and the any-layer registry reads them back into base objects.

const user = {
  _: "user",
  self: true,
  bot: false,
  id: 1_000_001n,
  accessHash: 7n,
  firstName: "Ann",
  phone: "9996610001",
  status: { _: "userStatusOnline", expires: 5 },
  usernames: [{ _: "username", active: true, username: "ann" }],
} as TlObject;
const message = {
  _: "message",
  out: true,
  id: 17,
  fromId: { _: "peerUser", userId: 1_000_001n },
  peerId: { _: "peerUser", userId: 2n },
  date: 1_700_000_000,
  message: "hi",
  entities: [{ _: "messageEntityBold", offset: 0, length: 2 }],
} as TlObject;
const updates = {
  _: "updates",
  updates: [{ _: "updateNewMessage", message, pts: 3, ptsCount: 1 }],
  users: [user],
  chats: [],
  date: 1_700_000_001,
  seq: 0,
} as TlObject;
const samples = [user, message, updates, { _: "auth.authorization", user } as TlObject];

describe("every known layer round-trips real objects", () => {
  for (const layer of KNOWN_LAYERS) {
    it(`layer ${layer}`, () => {
      const registry = registryForLayer(layer);
      const userId = new DataView(encodeObject(registry, user).buffer).getInt32(0, true);
      expect(userId).toBe(layerModel(layer).byName.get("user")?.id);
      for (const sample of samples) {
        const bytes = encodeObject(registry, sample);
        const back = decodeObject(anyLayerRegistry(), bytes) as TlObject;
        expect(back).toMatchObject(sample);
        // Stable: what was read writes the same bytes again.
        expect(encodeObject(registry, back)).toEqual(bytes);
      }
    });
  }

  it("the base layer writes with the generated registry itself (the fast path)", () => {
    expect(registryForLayer(BASE_LAYER)).toBe(apiRegistry);
  });
});

describe("conversion is derived for every changed constructor of every layer", () => {
  it("a neutral object of each writes in each layer and reads back into an object layer 228 can write", () => {
    const base = layerModel(BASE_LAYER);
    let converted = 0;
    let refused = 0;
    for (const layer of KNOWN_LAYERS) {
      const registry = registryForLayer(layer);
      for (const name of layerModel(layer).changed) {
        const c = base.byName.get(name);
        if (c?.kind !== "constructor" || !registry.writers.has(name)) continue;
        let bytes: Uint8Array;
        try {
          bytes = encodeObject(registry, neutralInstance(base, c));
        } catch (error) {
          // A neutral 228 value may itself hold a constructor the layer cannot have (starsTonAmount
          // in 205): that is refused with a typed error, never written as something else.
          expect(error).toMatchObject({ code: "UNKNOWN_NAME" });
          refused++;
          continue;
        }
        const back = decodeObject(anyLayerRegistry(), bytes) as TlObject;
        expect(() => encodeObject(apiRegistry, back)).not.toThrow();
        converted++;
      }
    }
    expect(converted).toBeGreaterThan(3000);
    expect(refused).toBeLessThan(converted / 100);
  });

  it("a 228 constructor with no counterpart and no placeholder in the layer is a typed error, not a guess", () => {
    const update = { _: "updateNewEphemeralMessage" } as TlObject;
    expect(() => encodeObject(registryForLayer(198), update)).toThrow(TlError);
  });

  it("one with a placeholder becomes it (newer media as messageMediaUnsupported)", () => {
    const todo = neutralInstance(layerModel(BASE_LAYER), layerModel(BASE_LAYER).byName.get("messageMediaToDo")!);
    const back = decodeObject(anyLayerRegistry(), encodeObject(registryForLayer(198), todo));
    expect(back).toEqual({ _: "messageMediaUnsupported" });
  });
});

describe("methods whose result type changed", () => {
  it("answer with the wrapped older type (channels.joinChannel: Updates in 198)", () => {
    const updates = { _: "updates", updates: [], users: [], chats: [], date: 1, seq: 0 };
    const joined = { _: "messages.chatInviteJoinResultOk", updates };
    expect(adaptResult(198, "channels.joinChannel", joined)).toBe(updates);
    expect(adaptResult(227, "channels.joinChannel", joined)).toBe(joined);
    expect(adaptResult(BASE_LAYER, "channels.joinChannel", joined)).toBe(joined);
    expect(adaptResult(198, "help.getConfig", updates)).toBe(updates);
  });
});

describe("layers the server has no schema of", () => {
  it("fall back to the nearest lower known layer", () => {
    expect(resolveLayer(198)).toEqual({ requested: 198, layer: 198, exact: true });
    expect(resolveLayer(209)).toEqual({ requested: 209, layer: 208, exact: false });
    expect(resolveLayer(226)).toEqual({ requested: 226, layer: 225, exact: false });
    expect(resolveLayer(300)).toEqual({ requested: 300, layer: BASE_LAYER, exact: false });
    expect(resolveLayer(100)).toEqual({ requested: 100, layer: KNOWN_LAYERS[0], exact: false });
    expect(() => layerModel(209)).toThrow(RangeError);
  });
});
