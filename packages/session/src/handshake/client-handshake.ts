import {
  bigIntFromBytes,
  bigIntToBytes,
  bytesEqual,
  computeDhParamsFailHash,
  computeFirstServerSalt,
  computeNewNonceHash,
  createAuthKey,
  factorizePqBytes,
  readInt64LE,
  rsaFingerprint,
  rsaPadEncrypt,
  type AuthKey,
  type RsaPublicKey,
} from "@mtkit/mtproto-crypto";
import type {
  RawDhGenFail,
  RawDhGenOk,
  RawDhGenRetry,
  RawResPQ,
  RawServerDHParamsFail,
  RawServerDHParamsOk,
} from "@mtkit/tl-core/mtproto";
import type { TlRegistry } from "@mtkit/tl-core";
import { HandshakeError } from "../errors.js";
import { MsgIdClock } from "../core/msg-id-clock.js";
import type { SessionEnvironment } from "../core/session-state.js";
import { SessionCodec } from "../tl/codec.js";
import { checkDhGroup, checkDhValue } from "./dh-checks.js";
import { expectObject, plainPacket, readPlainObject } from "./plain-io.js";
import { openTmp, sealTmp, type TmpNonces } from "./tmp-encryption.js";
import type { HandshakeResult } from "./types.js";

export interface ClientHandshakeOptions {
  readonly env: SessionEnvironment;
  /** Server public keys we trust; resPQ must name one of their fingerprints. */
  readonly rsaKeys: readonly RsaPublicKey[];
  /** DC id; p_q_inner_data_dc carries it +10000 for test DCs and negated for media DCs. */
  readonly dcId: number;
  readonly testMode?: boolean;
  readonly media?: boolean;
  /** Set for a temporary key (PFS): p_q_inner_data_temp_dc with this lifetime in seconds. */
  readonly expiresIn?: number;
  /** dh_gen_retry answers accepted before giving up. */
  readonly maxRetries?: number;
  readonly registry?: TlRegistry;
}

type ClientStep = "start" | "res-pq" | "dh-params" | "dh-gen" | "done" | "failed";

/**
 * The client side of auth-key creation (https://core.telegram.org/mtproto/auth_key) as a state
 * machine: `start()` gives the first packet, each `receive(packet)` checks the server's answer and
 * gives the next packet, until `result` is set. Every check failure is a HandshakeError and ends
 * the machine (start a new one on a new connection).
 */
export class ClientHandshake {
  private step: ClientStep = "start";
  private readonly codec: SessionCodec;
  private readonly clock: MsgIdClock;
  private nonce: Uint8Array = new Uint8Array(16);
  private serverNonce: Uint8Array = new Uint8Array(16);
  private newNonce: Uint8Array = new Uint8Array(32);
  private retries = 0;
  private retryId = 0n;
  private dh: { p: bigint; g: bigint; gA: bigint } | undefined;
  private pendingKey: AuthKey | undefined;
  /** b of the last set_client_DH_params, until its auth_key is computed. */
  private pendingB: bigint | undefined;
  private timeOffsetMs = 0;
  result: HandshakeResult | undefined;

  constructor(private readonly options: ClientHandshakeOptions) {
    this.codec = new SessionCodec(options.registry);
    this.clock = new MsgIdClock(options.env.now, "client");
  }

  get state(): ClientStep {
    return this.step;
  }

  /** req_pq_multi with a fresh random nonce. */
  start(): Uint8Array {
    this.expect("start");
    this.nonce = this.options.env.randomBytes(16);
    this.step = "res-pq";
    return plainPacket(this.codec, this.clock, { _: "req_pq_multi", nonce: this.nonce });
  }

  /** Feeds one plain packet from the server; returns the next packet to send, if any. */
  receive(packet: Uint8Array): Uint8Array | undefined {
    try {
      const message = readPlainObject(this.codec, packet, this.step);
      switch (this.step) {
        case "res-pq":
          return this.onResPQ(expectObject(message, "resPQ", "resPQ"));
        case "dh-params":
          if (message._ === "server_DH_params_fail")
            return this.onServerDhParams(expectObject(message, "server_DH_params_fail", this.step));
          return this.onServerDhParams(expectObject(message, "server_DH_params_ok", this.step));
        case "dh-gen":
          return this.onDhGen(message as RawDhGenOk | RawDhGenRetry | RawDhGenFail);
        default:
          throw new HandshakeError("WRONG_STATE", `no packet expected in state ${this.step}`, this.step);
      }
    } catch (error) {
      this.step = "failed";
      throw error;
    }
  }

  private expect(step: ClientStep): void {
    if (this.step !== step)
      throw new HandshakeError("WRONG_STATE", `expected state ${step}, in ${this.step}`, this.step);
  }

  private tmpNonces(): TmpNonces {
    return { serverNonce: this.serverNonce, newNonce: this.newNonce };
  }

  private checkNonces(
    message: { nonce: Uint8Array; serverNonce?: Uint8Array },
    step: string,
    checkServer = true,
  ): void {
    if (!bytesEqual(message.nonce, this.nonce))
      throw new HandshakeError("NONCE_MISMATCH", "nonce differs from ours", step);
    if (checkServer && (message.serverNonce === undefined || !bytesEqual(message.serverNonce, this.serverNonce))) {
      throw new HandshakeError("SERVER_NONCE_MISMATCH", "server_nonce differs from resPQ", step);
    }
  }

  private onResPQ(res: RawResPQ): Uint8Array {
    this.checkNonces(res, "resPQ", false);
    if (res.serverNonce.length !== 16)
      throw new HandshakeError("MALFORMED_MESSAGE", "server_nonce must be 16 bytes", "resPQ");
    this.serverNonce = res.serverNonce;
    const { crypto } = this.options.env;
    const key = this.options.rsaKeys.find((k) =>
      res.serverPublicKeyFingerprints.includes(rsaFingerprint(crypto, k).long),
    );
    if (key === undefined)
      throw new HandshakeError("UNKNOWN_FINGERPRINT", "no known RSA key among the offered fingerprints", "resPQ");
    let p: Uint8Array;
    let q: Uint8Array;
    try {
      ({ p, q } = factorizePqBytes(res.pq));
    } catch (cause) {
      throw new HandshakeError("PQ_FACTORIZATION_FAILED", `pq cannot be factorised: ${String(cause)}`, "resPQ");
    }
    this.newNonce = this.options.env.randomBytes(32);
    const common = {
      pq: res.pq,
      p,
      q,
      nonce: this.nonce,
      serverNonce: this.serverNonce,
      newNonce: this.newNonce,
      dc: wireDcId(this.options),
    };
    const inner =
      this.options.expiresIn === undefined
        ? this.codec.encode({ _: "p_q_inner_data_dc", ...common })
        : this.codec.encode({ _: "p_q_inner_data_temp_dc", ...common, expiresIn: this.options.expiresIn });
    const encryptedData = rsaPadEncrypt(crypto, key, inner);
    this.step = "dh-params";
    return plainPacket(this.codec, this.clock, {
      _: "req_DH_params",
      nonce: this.nonce,
      serverNonce: this.serverNonce,
      p,
      q,
      publicKeyFingerprint: rsaFingerprint(crypto, key).long,
      encryptedData,
    });
  }

  private onServerDhParams(answer: RawServerDHParamsOk | RawServerDHParamsFail): Uint8Array {
    const step = "server_DH_params";
    const { crypto } = this.options.env;
    this.checkNonces(answer, step);
    if (answer._ === "server_DH_params_fail") {
      const expected = computeDhParamsFailHash(crypto, this.newNonce);
      const detail = bytesEqual(answer.newNonceHash, expected)
        ? "server refused the DH parameters"
        : "and its new_nonce_hash is wrong";
      throw new HandshakeError("SERVER_DH_PARAMS_FAIL", detail, step);
    }
    const decoded = openTmp(crypto, this.codec, this.tmpNonces(), answer.encryptedAnswer, step);
    const inner = expectObject(decoded, "server_DH_inner_data", step);
    this.checkNonces(inner, step);
    const p = bigIntFromBytes(inner.dhPrime);
    const g = BigInt(inner.g);
    const gA = bigIntFromBytes(inner.gA);
    checkDhGroup(crypto, p, inner.g, step);
    checkDhValue(gA, p, "G_A_OUT_OF_RANGE", step);
    this.dh = { p, g, gA };
    this.timeOffsetMs = inner.serverTime * 1000 - this.options.env.now();
    this.clock.setOffsetMs(this.timeOffsetMs);
    return this.sendClientDh();
  }

  /** set_client_DH_params with a fresh b (also after dh_gen_retry). */
  private sendClientDh(): Uint8Array {
    const { crypto, randomBytes } = this.options.env;
    const { p, g } = this.dh!;
    const b = bigIntFromBytes(randomBytes(256));
    const gB = crypto.modPow(g, b, p);
    checkDhValue(gB, p, "G_B_OUT_OF_RANGE", "client_DH_inner_data");
    const inner = this.codec.encode({
      _: "client_DH_inner_data",
      nonce: this.nonce,
      serverNonce: this.serverNonce,
      retryId: this.retryId,
      gB: bigIntToBytes(gB, 256),
    });
    const encryptedData = sealTmp(crypto, this.tmpNonces(), inner, randomBytes(16));
    // auth_key = g_a^b is computed when dh_gen_* arrives, so this modPow runs while the packet
    // travels and the server computes its own (it is only needed to check new_nonce_hash).
    this.pendingB = b;
    this.pendingKey = undefined;
    this.step = "dh-gen";
    return plainPacket(this.codec, this.clock, {
      _: "set_client_DH_params",
      nonce: this.nonce,
      serverNonce: this.serverNonce,
      encryptedData,
    });
  }

  private onDhGen(answer: RawDhGenOk | RawDhGenRetry | RawDhGenFail): Uint8Array | undefined {
    const step = "dh_gen";
    const { crypto } = this.options.env;
    this.checkNonces(answer, step);
    const { p, gA } = this.dh!;
    const key = (this.pendingKey ??= createAuthKey(crypto, bigIntToBytes(crypto.modPow(gA, this.pendingB!, p), 256)));
    const check = (hash: Uint8Array, n: 1 | 2 | 3): void => {
      if (!bytesEqual(hash, computeNewNonceHash(crypto, this.newNonce, n, key.auxHash))) {
        throw new HandshakeError("NEW_NONCE_HASH_MISMATCH", `new_nonce_hash${n} does not match`, step);
      }
    };
    switch (answer._) {
      case "dh_gen_ok":
        check(answer.newNonceHash1, 1);
        this.step = "done";
        this.result = {
          authKey: key,
          serverSalt: computeFirstServerSalt(this.newNonce, this.serverNonce),
          timeOffsetMs: this.timeOffsetMs,
          expiresAt:
            this.options.expiresIn === undefined
              ? undefined
              : Math.floor((this.options.env.now() + this.timeOffsetMs) / 1000) + this.options.expiresIn,
          dcId: this.options.dcId,
        };
        return undefined;
      case "dh_gen_retry":
        check(answer.newNonceHash2, 2);
        if (++this.retries > (this.options.maxRetries ?? 5))
          throw new HandshakeError("TOO_MANY_RETRIES", "too many dh_gen_retry answers", step);
        // retry_id is the aux_hash of the key that was refused.
        this.retryId = readInt64LE(key.auxHash, 0);
        return this.sendClientDh();
      case "dh_gen_fail":
        check(answer.newNonceHash3, 3);
        throw new HandshakeError("DH_GEN_FAIL", "server answered dh_gen_fail", step);
      default:
        throw new HandshakeError("UNEXPECTED_MESSAGE", `expected dh_gen_*, got ${(answer as { _: string })._}`, step);
    }
  }
}

/** https://core.telegram.org/mtproto/auth_key#dh-exchange-initiation: dc + 10000 on test servers, negative for media. */
export function wireDcId(options: {
  readonly dcId: number;
  readonly testMode?: boolean;
  readonly media?: boolean;
}): number {
  const dc = options.testMode === true ? options.dcId + 10000 : options.dcId;
  return options.media === true ? -dc : dc;
}
