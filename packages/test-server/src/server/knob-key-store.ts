import type { ServerAuthKeyRecord, ServerKeyStore } from "@mtkit/session";
import type { KeyInfo } from "../api/client-info.js";

/**
 * The DC's auth keys (session's `ServerKeyStore`), enumerable for tests and fault knobs.
 * Expired temporary keys disappear on lookup, so the client sees -404. What the invoke wrappers
 * said on a key (layer, client app) lives and dies with the key, so it never outgrows the keys.
 */
export class DcKeyStore implements ServerKeyStore {
  private readonly records = new Map<bigint, ServerAuthKeyRecord>();
  private readonly infos = new Map<bigint, KeyInfo>();

  constructor(private readonly nowSeconds: () => number) {}

  get(authKeyId: bigint): ServerAuthKeyRecord | undefined {
    const record = this.records.get(authKeyId);
    if (record?.expiresAt !== undefined && record.expiresAt <= this.nowSeconds()) {
      this.delete(authKeyId);
      return undefined;
    }
    return record;
  }

  /** Layer and client app announced on a key; a key the store does not hold gets a throwaway record. */
  info(authKeyId: bigint): KeyInfo {
    let info = this.infos.get(authKeyId);
    if (info === undefined) {
      info = { layer: undefined, client: undefined };
      if (this.records.has(authKeyId)) this.infos.set(authKeyId, info);
    }
    return info;
  }

  set(record: ServerAuthKeyRecord): void {
    this.records.set(record.authKey.idLong, record);
  }

  delete(authKeyId: bigint): void {
    this.records.delete(authKeyId);
    this.infos.delete(authKeyId);
  }

  clear(): void {
    this.records.clear();
    this.infos.clear();
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
