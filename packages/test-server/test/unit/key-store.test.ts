import { describe, expect, it } from "vitest";
import { createAuthKey } from "@mtkit/mtproto-crypto";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import type { ServerAuthKeyRecord } from "@mtkit/session";
import { DcKeyStore } from "../../src/server/knob-key-store.js";

const crypto = createNodeCrypto();
const record = (fill: number, expiresAt?: number): ServerAuthKeyRecord => ({
  authKey: createAuthKey(crypto, new Uint8Array(256).fill(fill)),
  expiresAt,
  dcId: 1,
  boundPermKeyId: undefined,
  createdAt: 0,
  firstSalt: 0n,
});

describe("DcKeyStore key info", () => {
  it("keeps the layer and app per known key, and forgets them with the key", () => {
    let now = 100;
    const keys = new DcKeyStore(() => now);
    const perm = record(1);
    const temp = record(2, 200);
    keys.set(perm);
    keys.set(temp);
    keys.info(perm.authKey.idLong).layer = 228;
    keys.info(temp.authKey.idLong).layer = 198;
    expect(keys.info(perm.authKey.idLong).layer).toBe(228);

    keys.delete(perm.authKey.idLong);
    expect(keys.info(perm.authKey.idLong).layer).toBeUndefined();
    now = 200; // the temporary key expires on its next lookup, and its info goes with it
    expect(keys.get(temp.authKey.idLong)).toBeUndefined();
    expect(keys.info(temp.authKey.idLong).layer).toBeUndefined();
  });

  it("does not remember info for a key it does not hold (ids come from the network)", () => {
    const keys = new DcKeyStore(() => 0);
    for (let id = 1n; id <= 1000n; id++) keys.info(id).layer = 1;
    expect(keys.info(5n).layer).toBeUndefined();
  });
});
