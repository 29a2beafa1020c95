import type { ServerAuthKeyRecord, ServerKeyStore } from "@mtkit/session";

/**
 * The DC's auth keys (session's `ServerKeyStore`), enumerable for tests and fault knobs.
 * Expired temporary keys disappear on lookup, so the client sees -404.
 */
export class DcKeyStore implements ServerKeyStore {
  private readonly records = new Map<bigint, ServerAuthKeyRecord>();

  constructor(private readonly nowSeconds: () => number) {}

  get(authKeyId: bigint): ServerAuthKeyRecord | undefined {
    const record = this.records.get(authKeyId);
    if (record?.expiresAt !== undefined && record.expiresAt <= this.nowSeconds()) {
      this.records.delete(authKeyId);
      return undefined;
    }
    return record;
  }

  set(record: ServerAuthKeyRecord): void {
    this.records.set(record.authKey.idLong, record);
  }

  delete(authKeyId: bigint): void {
    this.records.delete(authKeyId);
  }

  clear(): void {
    this.records.clear();
  }

  ids(): bigint[] {
    return [...this.records.keys()];
  }

  values(): ServerAuthKeyRecord[] {
    return [...this.records.values()];
  }

  /**
   * The handshake's first salt stays valid 30 minutes after the key is made; the bad-salt knob
   * ends that early by back-dating the record (only `createdAt` changes).
   */
  expireFirstSalt(authKeyId: bigint): void {
    const record = this.records.get(authKeyId);
    if (record !== undefined) this.records.set(authKeyId, { ...record, createdAt: record.createdAt - 1800 });
  }
}
