import { bigIntToBytes, TELEGRAM_DH_PRIME } from "@mtkit/mtproto-crypto";
import { describe, expect, it } from "vitest";
import { DhConfigCache, SecretChatProtocolError } from "../../src/secret/index.js";
import { crypto, G, P_BYTES } from "./core-pair.js";

function code(fn: () => unknown): string {
  try {
    fn();
    return "no error";
  } catch (error) {
    return error instanceof SecretChatProtocolError ? error.code : String(error);
  }
}

describe("DH config of secret chats", () => {
  const random = new Uint8Array(256);

  it("verifies p and g, caches them by version and reuses them on dhConfigNotModified", () => {
    const cache = new DhConfigCache(crypto);
    expect(cache.version).toBe(0);
    expect(code(() => cache.apply({ _: "messages.dhConfigNotModified", random }))).toBe("DH_CONFIG_INVALID");
    const first = cache.apply({ _: "messages.dhConfig", g: G, p: P_BYTES, version: 3, random });
    expect(first.params).toEqual({ version: 3, p: TELEGRAM_DH_PRIME, g: G });
    expect(cache.version).toBe(3);
    expect(cache.apply({ _: "messages.dhConfigNotModified", random }).params).toBe(first.params);
  });

  it("rejects a prime that is not safe, not 2048 bits, or a bad generator, keeping the cached one", () => {
    const cache = new DhConfigCache(crypto);
    cache.apply({ _: "messages.dhConfig", g: G, p: P_BYTES, version: 1, random });
    const notPrime = bigIntToBytes(TELEGRAM_DH_PRIME - 2n, 256);
    const short = bigIntToBytes(TELEGRAM_DH_PRIME >> 8n, 256);
    expect(code(() => cache.apply({ _: "messages.dhConfig", g: G, p: notPrime, version: 2, random }))).toBe(
      "DH_CONFIG_INVALID",
    );
    expect(code(() => cache.apply({ _: "messages.dhConfig", g: G, p: short, version: 2, random }))).toBe(
      "DH_CONFIG_INVALID",
    );
    expect(code(() => cache.apply({ _: "messages.dhConfig", g: 9, p: P_BYTES, version: 2, random }))).toBe(
      "DH_CONFIG_INVALID",
    );
    expect(cache.version).toBe(1);
  });
});
