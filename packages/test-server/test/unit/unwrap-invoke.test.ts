import { describe, expect, it } from "vitest";
import type { KeyInfo } from "../../src/api/client-info.js";
import { unwrapInvoke } from "../../src/api/unwrap-invoke.js";

describe("unwrapInvoke", () => {
  it("peels every wrapper and records layer and client app on the key", () => {
    const info: KeyInfo = { layer: undefined, client: undefined };
    const call = unwrapInvoke(info, {
      _: "invokeWithLayer",
      layer: 198,
      query: {
        _: "initConnection",
        apiId: 7,
        deviceModel: "dev",
        systemVersion: "sys",
        appVersion: "app",
        systemLangCode: "en",
        langPack: "",
        langCode: "de",
        query: {
          _: "invokeWithoutUpdates",
          query: {
            _: "invokeAfterMsgs",
            msgIds: [4n, 8n],
            query: { _: "invokeAfterMsg", msgId: 12n, query: { _: "help.getConfig" } },
          },
        },
      },
    } as never);
    expect(call.request).toEqual({ _: "help.getConfig" });
    expect(call.withoutUpdates).toBe(true);
    expect(call.afterMsgIds).toEqual([4n, 8n, 12n]);
    expect(info).toEqual({
      layer: 198,
      client: { apiId: 7, deviceModel: "dev", systemVersion: "sys", appVersion: "app", langCode: "de" },
    });
  });

  it("leaves a bare call alone", () => {
    const info: KeyInfo = { layer: 227, client: undefined };
    expect(unwrapInvoke(info, { _: "help.getNearestDc" })).toEqual({
      request: { _: "help.getNearestDc" },
      withoutUpdates: false,
      afterMsgIds: [],
    });
    expect(info.layer).toBe(227);
  });
});
