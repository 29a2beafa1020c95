import { createAuthKey, type CryptoProvider } from "@mtkit/mtproto-crypto";
import { randomLong } from "../handlers/handler-deps.js";
import type { Authorizations } from "../push/authorizations.js";
import type { TestServer } from "../server/test-server.js";

/** What a client holds after a handshake and a login: enough for a `SessionDriver` to go online. */
export interface SeededLogin {
  readonly dcId: number;
  /** The 256 bytes of the permanent auth key. */
  readonly authKey: Uint8Array;
  /** A salt the server accepts for 30 minutes (as the handshake's first salt). */
  readonly serverSalt: bigint;
}

/**
 * A permanent auth key the DC knows, with `userId` logged in on it, made without a handshake or a
 * login: what lets a benchmark or a test put 1,000 accounts online in seconds, as a 200,000-member
 * group is seeded without 200,000 handshakes. The key is random; only the caller and the server have it.
 */
export function seedLogin(
  server: TestServer,
  authorizations: Authorizations,
  crypto: CryptoProvider,
  userId: bigint,
  dcId: number,
): SeededLogin {
  const dc = server.dc(dcId);
  const bytes = crypto.randomFill(new Uint8Array(256));
  const authKey = createAuthKey(crypto, bytes);
  const serverSalt = randomLong(crypto);
  dc.keys.set({
    authKey,
    expiresAt: undefined,
    dcId,
    boundPermKeyId: undefined,
    createdAt: Math.floor(Date.now() / 1000),
    firstSalt: serverSalt,
  });
  authorizations.set({ dcId, permAuthKeyId: authKey.idLong }, userId);
  return { dcId, authKey: bytes, serverSalt };
}
