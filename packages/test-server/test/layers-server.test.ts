import { decodeObject, encodeObject, type TlObject } from "@mtkit/tl-core";
import { anyLayerRegistry, layerModel, registryForLayer } from "@mtkit/tl-core/layers";
import { describe, expect, it } from "vitest";
import { encodeResult } from "../src/api/rpc-dispatcher.js";
import { Api, createGramJsClient } from "./helpers/gramjs.js";
import { sampleUpdates, sampleUser } from "./helpers/layer-samples.js";
import { createKey, openDriver } from "./helpers/mtkit-client.js";
import { worldPerFile } from "./helpers/world-per-file.js";
import { loginTestNumber } from "./world/world-client.js";

// Issue 16: the server answers and pushes in each key's layer; a layer it lacks falls back, logged once.
const logs: string[] = [];
const fixture = worldPerFile({ onLog: (line) => logs.push(line) }, { autoDeleteIntervalMs: 0 });

const idOf = (bytes: Uint8Array): number => new DataView(bytes.buffer, bytes.byteOffset).getInt32(0, true);

describe("answers follow the announced layer", () => {
  it("encodes for 198, 227 and 228 with that layer's constructors; newer layers get 228", () => {
    expect(idOf(encodeResult(sampleUser, 198))).toBe(0x4b46c37e);
    expect(idOf(encodeResult(sampleUser, 227))).toBe(0x31774388);
    expect(idOf(encodeResult(sampleUser, 228))).toBe(0xb1b8cc83 | 0);
    expect(idOf(encodeResult(sampleUser, undefined))).toBe(0xb1b8cc83 | 0);
    expect(idOf(encodeResult(sampleUser, 229))).toBe(0xb1b8cc83 | 0);
    expect(encodeResult(sampleUser, 209)).toEqual(encodeObject(registryForLayer(208), sampleUser));
  });

  it("leaves out of updates what the layer has no constructor for", () => {
    const { updates, ...rest } = sampleUpdates as unknown as { updates: TlObject[] };
    const withNew: unknown = { ...rest, updates: [...updates, { _: "updateNewEphemeralMessage" }] };
    const names = (layer: number): unknown =>
      (decodeObject(anyLayerRegistry(), encodeResult(withNew, layer)) as { updates: TlObject[] }).updates.map(
        (update) => update._,
      );
    expect(names(198)).toEqual(["updateNewChannelMessage", "updateUserStatus"]);
    expect(names(227)).toEqual(["updateNewChannelMessage", "updateUserStatus"]);
    // 228 has it: it is written (and this neutral one lacks its required fields, so it fails typed).
    expect(() => encodeResult(withNew, 228)).toThrow();
  });

  it("a layer the server lacks: answered in the nearest lower one, said once in the log", async () => {
    const driver = await openDriver(fixture.server, await createKey(fixture.server), {
      apiRegistry: anyLayerRegistry(),
    });
    try {
      const config = await driver.invoke({
        _: "invokeWithLayer",
        layer: 226,
        query: {
          _: "initConnection",
          apiId: 1,
          deviceModel: "t",
          systemVersion: "1",
          appVersion: "1",
          systemLangCode: "en",
          langPack: "",
          langCode: "en",
          query: { _: "help.getConfig" },
        },
      } as TlObject);
      expect(config).toMatchObject({ _: "config", thisDc: 1 });
      await driver.invoke({ _: "help.getNearestDc" });
      expect(logs).toEqual(["layer 226 is not one this server has: answering it in layer 225"]);
      expect(layerModel(225).byName.has("user")).toBe(true);
    } finally {
      await driver.close();
    }
  });

  it("pushes a live message to GramJS (layer 198) in 198, read by its own parser", async () => {
    const gramjs = createGramJsClient(fixture.server, { connection: "abridged" });
    const received: unknown[] = [];
    try {
      await gramjs.connect();
      const phoneNumber = "9996610401";
      const sent = await gramjs.invoke(
        new Api.auth.SendCode({ phoneNumber, apiId: 1, apiHash: "x", settings: new Api.CodeSettings({}) }),
      );
      if (!(sent instanceof Api.auth.SentCode)) throw new Error("no code sent");
      const auth = await gramjs.invoke(
        new Api.auth.SignIn({ phoneNumber, phoneCodeHash: sent.phoneCodeHash, phoneCode: "11111" }),
      );
      if (!(auth instanceof Api.auth.Authorization) || !(auth.user instanceof Api.User)) throw new Error("no login");
      gramjs.addEventHandler((update: unknown) => {
        received.push(update);
      });
      const alice = await loginTestNumber(fixture.server, "9996610402");
      try {
        await alice.driver.invoke({
          _: "messages.sendMessage",
          peer: {
            _: "inputPeerUser",
            userId: BigInt(auth.user.id.toString()),
            accessHash: BigInt(auth.user.accessHash?.toString() ?? "0"),
          },
          message: "hello 198",
          randomId: 1n,
        });
        await expect
          .poll(() => received.find((u) => u instanceof Api.UpdateShortMessage || u instanceof Api.UpdateNewMessage), {
            timeout: 5000,
          })
          .toBeDefined();
        const update = received.find(
          (u): u is InstanceType<typeof Api.UpdateShortMessage> => u instanceof Api.UpdateShortMessage,
        );
        expect(update?.message).toBe("hello 198");
      } finally {
        await alice.driver.close();
      }
    } finally {
      await gramjs.destroy();
    }
  });
});

describe("methods whose result type changed between layers", () => {
  it("channels.joinChannel answers layer 198 with the Updates that 228 wraps", () => {
    const joined = { _: "messages.chatInviteJoinResultOk", updates: sampleUpdates };
    expect(encodeResult(joined, 198, "channels.joinChannel")).toEqual(encodeResult(sampleUpdates, 198));
    expect(idOf(encodeResult(joined, 227, "channels.joinChannel"))).toBe(
      layerModel(227).byName.get("messages.chatInviteJoinResultOk")?.id,
    );
  });
});
