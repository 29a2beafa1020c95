import { createAuthKey, type AuthKey, type RsaPublicKey } from "@mtkit/mtproto-crypto";
import { createAuthKeyOverTransport, type HandshakeResult, type SessionEnvironment } from "@mtkit/session";
import type { DcAddress as TransportAddress, Transport } from "@mtkit/transport-tcp/transport";
import type { ClientStorage } from "../storage/types.js";

export interface DcKeysDeps {
  readonly env: SessionEnvironment;
  readonly storage: ClientStorage;
  readonly rsaKeys: readonly RsaPublicKey[];
  readonly newTransport: (address: TransportAddress) => Transport;
  readonly onCreated: (dcId: number, temporary: boolean) => void;
}

/** A key and the salt to start with. */
export interface UsableKey {
  readonly authKey: AuthKey;
  readonly serverSalt: bigint | undefined;
  readonly timeOffsetMs: number;
}

/**
 * Permanent keys per DC: loaded from storage, or created once (concurrent callers share one
 * handshake, so two connections to a DC never race to make two keys). Keys are per DC and never
 * shared between DCs (https://core.telegram.org/api/datacenter).
 */
export class DcKeys {
  readonly #pending = new Map<number, Promise<UsableKey>>();

  constructor(private readonly deps: DcKeysDeps) {}

  permanent(address: TransportAddress): Promise<UsableKey> {
    let pending = this.#pending.get(address.dcId);
    if (pending === undefined) {
      // The permanent key belongs to the DC, not to its media endpoint: never mark its handshake media.
      const dcAddress: TransportAddress = { dcId: address.dcId, host: address.host, port: address.port };
      pending = this.#loadOrCreate(address.testMode === true ? { ...dcAddress, testMode: true } : dcAddress);
      this.#pending.set(address.dcId, pending);
      // A failed attempt must not stick: the next caller tries again.
      pending.catch(() => this.#pending.delete(address.dcId));
    }
    return pending;
  }

  /** Forgets the cached key (after -404 / logout); storage is cleared by the caller. */
  forget(dcId: number): void {
    this.#pending.delete(dcId);
  }

  /** A fresh temporary key (p_q_inner_data_temp_dc) for PFS; the caller binds it. */
  async temporary(address: TransportAddress, lifetimeSeconds: number): Promise<HandshakeResult> {
    const result = await this.#handshake(address, lifetimeSeconds);
    this.deps.onCreated(address.dcId, true);
    return result;
  }

  async #loadOrCreate(address: TransportAddress): Promise<UsableKey> {
    const stored = await this.deps.storage.authKeys.getPermanent(address.dcId);
    if (stored !== null) {
      const salts = await this.deps.storage.salts.get(address.dcId);
      return { authKey: createAuthKey(this.deps.env.crypto, stored), serverSalt: salts[0]?.salt, timeOffsetMs: 0 };
    }
    const result = await this.#handshake(address, undefined);
    // Durable before use: a key the server knows but we lost means a new login.
    await this.deps.storage.authKeys.setPermanent(address.dcId, result.authKey.key);
    const nowSeconds = Math.floor(this.deps.env.now() / 1000);
    await this.deps.storage.salts.set(address.dcId, [
      { salt: result.serverSalt, validSince: nowSeconds, validUntil: nowSeconds + 1800 },
    ]);
    this.deps.onCreated(address.dcId, false);
    return { authKey: result.authKey, serverSalt: result.serverSalt, timeOffsetMs: result.timeOffsetMs };
  }

  async #handshake(address: TransportAddress, expiresIn: number | undefined): Promise<HandshakeResult> {
    // A connection of its own: the driver's transport connects later (a transport connects once).
    const transport = this.deps.newTransport(address);
    await transport.connect(address);
    try {
      return await createAuthKeyOverTransport(transport, {
        env: this.deps.env,
        rsaKeys: this.deps.rsaKeys,
        dcId: address.dcId,
        ...(address.testMode === true ? { testMode: true } : {}),
        ...(address.media === true ? { media: true } : {}),
        ...(expiresIn === undefined ? {} : { expiresIn }),
      });
    } finally {
      await transport.close();
    }
  }
}
