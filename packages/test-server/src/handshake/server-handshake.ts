// TODO(move to session): the server role of auth-key creation; session has only the client role yet.
import type { AuthKey, CryptoProvider } from "@mtkit/mtproto-crypto";
import {
  bigIntFromBytes,
  bigIntToBytes,
  bigIntToMinimalBytes,
  bytesEqual,
  computeFirstServerSalt,
  computeNewNonceHash,
  createAuthKey,
  deriveTmpAesKeyIv,
  unwrapWithHash,
  wrapWithHash,
} from "@mtkit/mtproto-crypto";
import { unwrapRsaPad } from "../crypto/rsa-pad-unwrap.js";
import type { RsaServerKey } from "../crypto/rsa-server-key.js";
import { generatePq, type PqPair } from "../crypto/pq.js";
import { DH_G, DH_PRIME, isSafeDhValue } from "../crypto/dh-prime.js";
import { TlBytesReader } from "../wire/tl-reader.js";
import { TlBytesWriter } from "../wire/tl-writer.js";
import { HandshakeIds } from "./ids.js";
import { ServerHandshakeError } from "./handshake-error.js";
import { readPqInnerData, type PqInnerData } from "./inner-data.js";

export interface ServerHandshakeDeps {
  readonly crypto: CryptoProvider;
  readonly rsaKey: RsaServerKey;
  /** Unix time in seconds (server_DH_inner_data.server_time). */
  readonly nowSeconds: () => number;
}

/** A finished exchange: the new key, its first salt and whether it is temporary. */
export interface CreatedAuthKey {
  readonly authKey: AuthKey;
  readonly firstSalt: bigint;
  /** Seconds the client asked the key to live (temporary keys only). */
  readonly expiresIn: number | undefined;
  /** dc from p_q_inner_data_dc (undefined for the legacy form). */
  readonly dc: number | undefined;
}

export interface HandshakeStep {
  readonly reply: Uint8Array;
  readonly created?: CreatedAuthKey;
}

type State =
  | { readonly step: "idle" }
  | { readonly step: "sentResPq"; readonly nonce: Uint8Array; readonly serverNonce: Uint8Array; readonly pq: PqPair }
  | { readonly step: "sentDhParams"; readonly inner: PqInnerData; readonly a: bigint };

/**
 * The server side of https://core.telegram.org/mtproto/auth_key as a sans-IO state machine: each
 * plain message body in, the reply body out. One instance per connection; it returns to idle after
 * a key is made so one connection can create a permanent and then a temporary key.
 */
export class ServerHandshake {
  private state: State = { step: "idle" };

  constructor(private readonly deps: ServerHandshakeDeps) {}

  handle(body: Uint8Array): HandshakeStep {
    const reader = new TlBytesReader(body);
    const id = reader.id();
    if (id === HandshakeIds.reqPqMulti || id === HandshakeIds.reqPq) return { reply: this.onReqPq(reader) };
    if (id === HandshakeIds.reqDhParams) return { reply: this.onReqDhParams(reader) };
    if (id === HandshakeIds.setClientDhParams) return this.onSetClientDhParams(reader);
    throw new ServerHandshakeError("UNEXPECTED_MESSAGE", `unexpected plain message 0x${id.toString(16)}`);
  }

  private random(length: number): Uint8Array {
    return this.deps.crypto.randomFill(new Uint8Array(length));
  }

  private onReqPq(reader: TlBytesReader): Uint8Array {
    const nonce = reader.raw(16);
    const serverNonce = this.random(16);
    const pq = generatePq(this.deps.crypto);
    this.state = { step: "sentResPq", nonce, serverNonce, pq };
    return new TlBytesWriter()
      .id(HandshakeIds.resPq)
      .raw(nonce)
      .raw(serverNonce)
      .bytes(bigIntToMinimalBytes(pq.pq))
      .vectorHeader(1)
      .long(this.deps.rsaKey.fingerprint)
      .finish();
  }

  private onReqDhParams(reader: TlBytesReader): Uint8Array {
    const state = this.state;
    if (state.step !== "sentResPq") throw new ServerHandshakeError("UNEXPECTED_MESSAGE", "req_DH_params before resPQ");
    checkNonces(state, reader.raw(16), reader.raw(16));
    const p = bigIntFromBytes(reader.bytesValue());
    const q = bigIntFromBytes(reader.bytesValue());
    if (p !== state.pq.p || q !== state.pq.q) throw new ServerHandshakeError("PQ_MISMATCH", "p and q do not factor pq");
    if (reader.long() !== this.deps.rsaKey.fingerprint) {
      throw new ServerHandshakeError("UNKNOWN_FINGERPRINT", "public_key_fingerprint is not ours");
    }
    const inner = readPqInnerData(unwrapRsaPad(this.deps.crypto, this.deps.rsaKey, reader.bytesValue()));
    checkNonces(state, inner.nonce, inner.serverNonce);
    if (bigIntFromBytes(inner.p) !== p || bigIntFromBytes(inner.q) !== q || bigIntFromBytes(inner.pq) !== state.pq.pq) {
      throw new ServerHandshakeError("PQ_MISMATCH", "inner data pq/p/q differ");
    }
    const { a, gA } = this.newDhHalf();
    this.state = { step: "sentDhParams", inner, a };
    const answer = new TlBytesWriter()
      .id(HandshakeIds.serverDhInnerData)
      .raw(inner.nonce)
      .raw(inner.serverNonce)
      .int(DH_G)
      .bytes(bigIntToBytes(DH_PRIME, 256))
      .bytes(bigIntToBytes(gA, 256))
      .int(this.deps.nowSeconds())
      .finish();
    const tmp = deriveTmpAesKeyIv(this.deps.crypto, inner.serverNonce, inner.newNonce);
    const encrypted = this.deps.crypto.aesIgeEncrypt(wrapWithHash(this.deps.crypto, answer), tmp.key, tmp.iv);
    return new TlBytesWriter()
      .id(HandshakeIds.serverDhParamsOk)
      .raw(inner.nonce)
      .raw(inner.serverNonce)
      .bytes(encrypted)
      .finish();
  }

  /** a: 2048 random bits; g_a must sit inside the 2^1984 margins the client checks. */
  private newDhHalf(): { a: bigint; gA: bigint } {
    for (;;) {
      const a = bigIntFromBytes(this.random(256));
      const gA = this.deps.crypto.modPow(BigInt(DH_G), a, DH_PRIME);
      if (isSafeDhValue(gA)) return { a, gA };
    }
  }

  private onSetClientDhParams(reader: TlBytesReader): HandshakeStep {
    const state = this.state;
    if (state.step !== "sentDhParams") {
      throw new ServerHandshakeError("UNEXPECTED_MESSAGE", "set_client_DH_params before server_DH_params");
    }
    const { inner } = state;
    checkNonces({ nonce: inner.nonce, serverNonce: inner.serverNonce }, reader.raw(16), reader.raw(16));
    const encrypted = reader.bytesValue();
    if (encrypted.length === 0 || encrypted.length % 16 !== 0) {
      throw new ServerHandshakeError("BAD_ENCRYPTED_DATA", "encrypted_data is not a multiple of 16 bytes");
    }
    const tmp = deriveTmpAesKeyIv(this.deps.crypto, inner.serverNonce, inner.newNonce);
    const data = unwrapWithHash(this.deps.crypto, this.deps.crypto.aesIgeDecrypt(encrypted, tmp.key, tmp.iv));
    const clientInner = new TlBytesReader(data);
    clientInner.expectId(HandshakeIds.clientDhInnerData);
    checkNonces({ nonce: inner.nonce, serverNonce: inner.serverNonce }, clientInner.raw(16), clientInner.raw(16));
    clientInner.long(); // retry_id: a fresh exchange per state machine, so nothing to compare with.
    const gB = bigIntFromBytes(clientInner.bytesValue());
    if (!isSafeDhValue(gB)) throw new ServerHandshakeError("BAD_G_B", "g_b is outside 2^1984 .. p - 2^1984");
    const key = bigIntToBytes(this.deps.crypto.modPow(gB, state.a, DH_PRIME), 256);
    const authKey = createAuthKey(this.deps.crypto, key);
    this.state = { step: "idle" };
    const reply = new TlBytesWriter()
      .id(HandshakeIds.dhGenOk)
      .raw(inner.nonce)
      .raw(inner.serverNonce)
      .raw(computeNewNonceHash(this.deps.crypto, inner.newNonce, 1, authKey.auxHash))
      .finish();
    const created: CreatedAuthKey = {
      authKey,
      firstSalt: computeFirstServerSalt(inner.newNonce, inner.serverNonce),
      expiresIn: inner.expiresIn,
      dc: inner.dc,
    };
    return { reply, created };
  }
}

function checkNonces(
  expected: { readonly nonce: Uint8Array; readonly serverNonce: Uint8Array },
  nonce: Uint8Array,
  serverNonce: Uint8Array,
): void {
  if (!bytesEqual(expected.nonce, nonce)) throw new ServerHandshakeError("NONCE_MISMATCH", "nonce differs");
  if (!bytesEqual(expected.serverNonce, serverNonce)) {
    throw new ServerHandshakeError("SERVER_NONCE_MISMATCH", "server_nonce differs");
  }
}
