import {
  bigIntFromBytes,
  bigIntToBytes,
  bytesEqual,
  computeFirstServerSalt,
  computeNewNonceHash,
  createAuthKey,
  generatePq,
  TELEGRAM_DH_PRIME,
  readInt64LE,
  rsaFingerprint,
  rsaPadDecrypt,
  type AuthKey,
  type RsaPrivateKey,
} from "@mtkit/mtproto-crypto";
import type { TlRegistry } from "@mtkit/tl-core";
import type { RawReqDHParamsRequest, RawSetClientDHParamsRequest, TypePQInnerData } from "@mtkit/tl-core/mtproto";
import { HandshakeError } from "../errors.js";
import { MsgIdClock } from "../core/msg-id-clock.js";
import type { SessionEnvironment } from "../core/session-state.js";
import { SessionCodec } from "../tl/codec.js";
import type { MtprotoObject } from "../tl/types.js";
import { checkDhValue } from "./dh-checks.js";
import { expectObject, plainPacket, readPlainObject } from "./plain-io.js";
import { openTmp, sealTmp, type TmpNonces } from "./tmp-encryption.js";
import type { HandshakeResult } from "./types.js";

export interface ServerHandshakeOptions {
  readonly env: SessionEnvironment;
  /** The server's RSA keys; resPQ offers all their fingerprints. */
  readonly rsaKeys: readonly RsaPrivateKey[];
  /** DH group; defaults to Telegram's prime with g = 3. */
  readonly dhPrime?: Uint8Array;
  readonly g?: number;
  /** Rejects a new auth_key_id that already exists (answered with dh_gen_retry). */
  readonly isKeyIdTaken?: (authKeyId: bigint) => boolean;
  /** Test knob: answer the first set_client_DH_params with dh_gen_retry. */
  readonly forceRetry?: boolean;
  readonly registry?: TlRegistry;
}

type ServerStep = "req-pq" | "req-dh" | "set-dh" | "done" | "failed";

/**
 * The server side of auth-key creation (https://core.telegram.org/mtproto/auth_key) for one
 * connection: answers req_pq_multi/req_pq, req_DH_params (RSA_PAD, any of p_q_inner_data,
 * _dc, _temp, _temp_dc) and set_client_DH_params, checking the client's nonces, pq, g_b and
 * retry_id. `receive(packet)` returns the answer packet; `result` is set after dh_gen_ok.
 */
export class ServerHandshake {
  private step: ServerStep = "req-pq";
  private readonly codec: SessionCodec;
  private readonly clock: MsgIdClock;
  private readonly prime: Uint8Array;
  private nonce: Uint8Array = new Uint8Array(16);
  private serverNonce: Uint8Array = new Uint8Array(16);
  private newNonce: Uint8Array = new Uint8Array(32);
  private pq: { p: bigint; q: bigint; bytes: Uint8Array } = { p: 0n, q: 0n, bytes: new Uint8Array(0) };
  private a = 0n;
  private expiresIn: number | undefined;
  private dcId = 0;
  private previousKey: AuthKey | undefined;
  private retried = false;
  result: HandshakeResult | undefined;

  constructor(private readonly options: ServerHandshakeOptions) {
    this.codec = new SessionCodec(options.registry);
    this.clock = new MsgIdClock(options.env.now, "server");
    this.prime = options.dhPrime ?? bigIntToBytes(TELEGRAM_DH_PRIME, 256);
  }

  get state(): ServerStep {
    return this.step;
  }

  receive(packet: Uint8Array): Uint8Array {
    try {
      const message = readPlainObject(this.codec, packet, this.step);
      if ((message._ === "req_pq_multi" || message._ === "req_pq") && this.step === "req-pq") {
        return this.onReqPq(message as { _: string; nonce: Uint8Array });
      }
      if (message._ === "req_DH_params" && this.step === "req-dh")
        return this.onReqDh(message as RawReqDHParamsRequest);
      if (message._ === "set_client_DH_params" && this.step === "set-dh")
        return this.onSetDh(message as RawSetClientDHParamsRequest);
      throw new HandshakeError("UNEXPECTED_MESSAGE", `${message._} is not expected in state ${this.step}`, this.step);
    } catch (error) {
      this.step = "failed";
      throw error;
    }
  }

  private answer(value: MtprotoObject): Uint8Array {
    return plainPacket(this.codec, this.clock, value, "response");
  }

  private tmpNonces(): TmpNonces {
    return { serverNonce: this.serverNonce, newNonce: this.newNonce };
  }

  private checkNonces(message: { nonce: Uint8Array; serverNonce: Uint8Array }, step: string): void {
    if (!bytesEqual(message.nonce, this.nonce)) throw new HandshakeError("NONCE_MISMATCH", "nonce differs", step);
    if (!bytesEqual(message.serverNonce, this.serverNonce))
      throw new HandshakeError("SERVER_NONCE_MISMATCH", "server_nonce differs", step);
  }

  private onReqPq(request: { nonce: Uint8Array }): Uint8Array {
    const { crypto, randomBytes } = this.options.env;
    if (request.nonce.length !== 16) throw new HandshakeError("MALFORMED_MESSAGE", "nonce must be 16 bytes", "req_pq");
    this.nonce = request.nonce;
    this.serverNonce = randomBytes(16);
    const generated = generatePq(crypto);
    this.pq = { p: generated.p, q: generated.q, bytes: generated.pqBytes };
    this.step = "req-dh";
    return this.answer({
      _: "resPQ",
      nonce: this.nonce,
      serverNonce: this.serverNonce,
      pq: this.pq.bytes,
      serverPublicKeyFingerprints: this.options.rsaKeys.map((k) => rsaFingerprint(crypto, k).long),
    });
  }

  private onReqDh(request: RawReqDHParamsRequest): Uint8Array {
    const step = "req_DH_params";
    const { crypto, randomBytes, now } = this.options.env;
    this.checkNonces(request, step);
    if (bigIntFromBytes(request.p) !== this.pq.p || bigIntFromBytes(request.q) !== this.pq.q) {
      throw new HandshakeError("BAD_PQ", "p and q do not factor our pq", step);
    }
    const key = this.options.rsaKeys.find((k) => rsaFingerprint(crypto, k).long === request.publicKeyFingerprint);
    if (key === undefined)
      throw new HandshakeError("UNKNOWN_FINGERPRINT", "req_DH_params names a key we do not have", step);
    let inner: TypePQInnerData;
    try {
      // 192 bytes: the TL object followed by random padding, so read one object and stop.
      inner = this.codec.reader(rsaPadDecrypt(crypto, key, request.encryptedData)).object() as TypePQInnerData;
    } catch (cause) {
      throw new HandshakeError("RSA_DECRYPT_FAILED", `encrypted_data rejected: ${String(cause)}`, step);
    }
    if (!inner._.startsWith("p_q_inner_data"))
      throw new HandshakeError("BAD_INNER_DATA", `unexpected ${inner._}`, step);
    this.checkNonces(inner, step);
    if (!bytesEqual(inner.pq, this.pq.bytes) || !bytesEqual(inner.p, request.p) || !bytesEqual(inner.q, request.q)) {
      throw new HandshakeError("BAD_INNER_DATA", "pq/p/q in the inner data differ", step);
    }
    this.newNonce = inner.newNonce;
    this.dcId = "dc" in inner ? inner.dc : 0;
    this.expiresIn = "expiresIn" in inner ? inner.expiresIn : undefined;

    const p = bigIntFromBytes(this.prime);
    const g = this.options.g ?? 3;
    let gA: bigint;
    do {
      this.a = bigIntFromBytes(randomBytes(256));
      gA = crypto.modPow(BigInt(g), this.a, p);
    } while (!inRange(gA, p));
    const serverInner = this.codec.encode({
      _: "server_DH_inner_data",
      nonce: this.nonce,
      serverNonce: this.serverNonce,
      g,
      dhPrime: this.prime,
      gA: bigIntToBytes(gA, 256),
      serverTime: Math.floor(now() / 1000),
    });
    const encryptedAnswer = sealTmp(crypto, this.tmpNonces(), serverInner, randomBytes(16));
    this.step = "set-dh";
    return this.answer({ _: "server_DH_params_ok", nonce: this.nonce, serverNonce: this.serverNonce, encryptedAnswer });
  }

  private onSetDh(request: RawSetClientDHParamsRequest): Uint8Array {
    const step = "set_client_DH_params";
    const { crypto, now } = this.options.env;
    this.checkNonces(request, step);
    let decoded: { readonly _: string };
    try {
      decoded = openTmp(crypto, this.codec, this.tmpNonces(), request.encryptedData, step);
    } catch (error) {
      // The client's hash failing means a broken or hostile client: one code for all of it.
      throw new HandshakeError(
        "ANSWER_HASH_MISMATCH",
        `client_DH_inner_data rejected: ${(error as Error).message}`,
        step,
      );
    }
    const inner = expectObject(decoded, "client_DH_inner_data", step);
    this.checkNonces(inner, step);
    const expectedRetryId = this.previousKey === undefined ? 0n : readInt64LE(this.previousKey.auxHash, 0);
    if (inner.retryId !== expectedRetryId)
      throw new HandshakeError("BAD_RETRY_ID", "retry_id is not the previous aux_hash", step);
    const p = bigIntFromBytes(this.prime);
    const gB = bigIntFromBytes(inner.gB);
    checkDhValue(gB, p, "G_B_OUT_OF_RANGE", step);
    const authKey = createAuthKey(crypto, bigIntToBytes(crypto.modPow(gB, this.a, p), 256));
    const base = { nonce: this.nonce, serverNonce: this.serverNonce };

    const taken = this.options.isKeyIdTaken?.(authKey.idLong) ?? false;
    if (taken || (this.options.forceRetry === true && !this.retried)) {
      this.retried = true;
      this.previousKey = authKey;
      return this.answer({
        _: "dh_gen_retry",
        ...base,
        newNonceHash2: computeNewNonceHash(crypto, this.newNonce, 2, authKey.auxHash),
      });
    }
    this.step = "done";
    this.result = {
      authKey,
      serverSalt: computeFirstServerSalt(this.newNonce, this.serverNonce),
      timeOffsetMs: 0,
      expiresAt: this.expiresIn === undefined ? undefined : Math.floor(now() / 1000) + this.expiresIn,
      dcId: this.dcId,
    };
    return this.answer({
      _: "dh_gen_ok",
      ...base,
      newNonceHash1: computeNewNonceHash(crypto, this.newNonce, 1, authKey.auxHash),
    });
  }
}

function inRange(x: bigint, p: bigint): boolean {
  const margin = 1n << 1984n;
  return x > margin && x < p - margin;
}
