import { decodeObject } from "@mtkit/tl-core";
import { apiRegistry } from "@mtkit/tl-core/api";
import { describe, expect, it } from "vitest";
import { encodeResult } from "../../src/api/rpc-dispatcher.js";
import { buildConfig } from "../../src/index.js";

describe("help.getConfig answer", () => {
  const endpoints = [
    { id: 1, host: "127.0.0.1", port: 1111, wsPort: undefined },
    { id: 2, host: "127.0.0.1", port: 2222, wsPort: 2223 },
  ];

  it("is config#cc1a241e (same id in layers 198 and 227) listing every DC plain and media_only", () => {
    const bytes = encodeResult(buildConfig(endpoints, 2, 1_700_000_000));
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true)).toBe(0xcc1a241e);
    const config = decodeObject(apiRegistry, bytes) as ReturnType<typeof buildConfig>;
    expect(config.thisDc).toBe(2);
    expect(config.dcOptions.map((o) => [o.id, o.port, o.mediaOnly === true])).toEqual([
      [1, 1111, false],
      [1, 1111, true],
      [2, 2222, false],
      [2, 2222, true],
    ]);
  });

  it("encodes booleans as Bool and arrays as Vector", () => {
    expect([...encodeResult(true)]).toEqual([0xb5, 0x75, 0x72, 0x99]);
    expect([...encodeResult([1])]).toEqual([0x15, 0xc4, 0xb5, 0x1c, 1, 0, 0, 0, 1, 0, 0, 0]);
  });
});
