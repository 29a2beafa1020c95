import { describe, expect, it } from "vitest";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import { RpcError } from "../../src/api/rpc-error.js";
import { cdnCtr } from "../../src/files/cdn/cdn-ctr.js";
import { PartsContent, SyntheticContent, syntheticByte } from "../../src/files/file-content.js";
import { checkPartCall, checkRange, isValidPartSize } from "../../src/files/file-rules.js";

const rpcName = (run: () => void): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof RpcError ? error.errorMessage : String(error);
  }
};

describe("file rules (https://core.telegram.org/api/files)", () => {
  it("part sizes: multiples of 1 KiB dividing 512 KiB", () => {
    expect([1024, 4096, 131072, 524288].every(isValidPartSize)).toBe(true);
    expect([0, 1000, 3072, 1048576].some(isValidPartSize)).toBe(false);
  });

  it("part calls", () => {
    expect(
      rpcName(() => {
        checkPartCall(0, 0, undefined);
      }),
    ).toBe("FILE_PART_EMPTY");
    expect(
      rpcName(() => {
        checkPartCall(0, 524289, undefined);
      }),
    ).toBe("FILE_PART_TOO_BIG");
    expect(
      rpcName(() => {
        checkPartCall(4000, 1, undefined);
      }),
    ).toBe("FILE_PART_INVALID");
    expect(
      rpcName(() => {
        checkPartCall(3, 1, 3);
      }),
    ).toBe("FILE_PARTS_INVALID");
    expect(
      rpcName(() => {
        checkPartCall(3, 1, -1);
      }),
    ).toBeUndefined(); // streamed upload
  });

  it("getFile ranges, plain and precise", () => {
    expect(
      rpcName(() => {
        checkRange(0n, 1048576, false);
      }),
    ).toBeUndefined();
    expect(
      rpcName(() => {
        checkRange(-4096n, 4096, false);
      }),
    ).toBe("OFFSET_INVALID");
    expect(
      rpcName(() => {
        checkRange(1024n, 4096, false);
      }),
    ).toBe("OFFSET_INVALID");
    expect(
      rpcName(() => {
        checkRange(0n, 12288, false);
      }),
    ).toBe("LIMIT_INVALID");
    expect(
      rpcName(() => {
        checkRange(1044480n, 8192, false);
      }),
    ).toBe("LIMIT_INVALID");
    expect(
      rpcName(() => {
        checkRange(1024n, 3072, true);
      }),
    ).toBeUndefined();
    expect(
      rpcName(() => {
        checkRange(0n, 1048577, true);
      }),
    ).toBe("LIMIT_INVALID");
  });
});

describe("file contents", () => {
  it("parts read across part boundaries; synthetic bytes match syntheticByte", () => {
    const parts = new PartsContent([new Uint8Array([1, 2, 3, 4]), new Uint8Array([5, 6])], 4);
    expect([...parts.read(3, 3)]).toEqual([4, 5, 6]);
    expect(parts.read(6, 10).length).toBe(0);
    const synthetic = new SyntheticContent(3 * 1024 * 1024, 9);
    const chunk = synthetic.read(1024 * 1024 - 5, 10);
    expect([...chunk]).toEqual(Array.from({ length: 10 }, (_, i) => syntheticByte(1024 * 1024 - 5 + i, 9)));
  });

  it("CDN CTR at an offset equals the whole stream's bytes at that offset", () => {
    const crypto = createNodeCrypto();
    const key = crypto.randomFill(new Uint8Array(32));
    const iv = crypto.randomFill(new Uint8Array(16));
    iv.fill(0, 12); // the counter part starts at 0, as the offset-derived counter assumes
    const plain = crypto.randomFill(new Uint8Array(8192));
    const whole = cdnCtr(crypto, key, iv, 0n, plain);
    expect([...cdnCtr(crypto, key, iv, 4096n, plain.subarray(4096))]).toEqual([...whole.subarray(4096)]);
  });
});
