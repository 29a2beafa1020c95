import type { AuthKey } from "@mtkit/mtproto-crypto";

/**
 * Server side: the auth keys the server knows, by auth_key_id. Temporary keys carry their expiry
 * and, once auth.bindTempAuthKey succeeded, the permanent key they are bound to.
 * https://core.telegram.org/api/pfs
 */
export interface ServerAuthKeyRecord {
  readonly authKey: AuthKey;
  /** Unix seconds after which a temporary key is forgotten; undefined for permanent keys. */
  readonly expiresAt: number | undefined;
  readonly dcId: number;
  /** auth_key_id of the permanent key this temporary key is bound to. */
  boundPermKeyId: bigint | undefined;
  /** Unix seconds when the key was created (bindTempAuthKey error handling needs its age). */
  readonly createdAt: number;
  /** The salt the handshake gave the client; accepted for 30 minutes after creation. */
  readonly firstSalt: bigint;
}

export interface ServerKeyStore {
  get(authKeyId: bigint): ServerAuthKeyRecord | undefined;
  set(record: ServerAuthKeyRecord): void;
  delete(authKeyId: bigint): void;
}

/** A Map-backed store; expired temporary keys disappear on lookup (the client then sees -404). */
export class MemoryKeyStore implements ServerKeyStore {
  private readonly keys = new Map<bigint, ServerAuthKeyRecord>();

  constructor(private readonly nowSeconds: () => number) {}

  get(authKeyId: bigint): ServerAuthKeyRecord | undefined {
    const record = this.keys.get(authKeyId);
    if (record?.expiresAt !== undefined && record.expiresAt <= this.nowSeconds()) {
      this.keys.delete(authKeyId);
      return undefined;
    }
    return record;
  }

  set(record: ServerAuthKeyRecord): void {
    this.keys.set(record.authKey.idLong, record);
  }

  delete(authKeyId: bigint): void {
    this.keys.delete(authKeyId);
  }

  get size(): number {
    return this.keys.size;
  }
}
