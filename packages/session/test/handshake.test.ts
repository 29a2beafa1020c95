import { describe, expect, it } from "vitest";
import {
  bigIntFromBytes,
  bigIntToBytes,
  computeNewNonceHash,
  deriveTmpAesKeyIv,
  factorizePqBytes,
  rsaPadEncrypt,
  rsaPadDecrypt,
  TELEGRAM_DH_PRIME,
  wrapWithHash,
} from "@mtkit/mtproto-crypto";
import type { RawReqDHParamsRequest, TypePQInnerData } from "@mtkit/tl-core/mtproto";
import {
  ClientHandshake,
  decodePlainMessage,
  encodePlainMessage,
  HandshakeError,
  ServerHandshake,
  SessionCodec,
} from "../src/index.js";
import { crypto, testClock, testEnv } from "./helpers/env.js";
import { runHandshake, serverRsaKey } from "./helpers/handshake.js";

const codec = new SessionCodec();
type Obj = Record<string, unknown> & { _: string };
const decode = (packet: Uint8Array): Obj => codec.decode(decodePlainMessage(packet).body) as Obj;
const encode = (obj: Obj): Uint8Array => encodePlainMessage(0x65c53d51_00000001n, codec.encode(obj));

describe("auth-key creation, client <-> server", () => {
  it("agrees on a permanent key, salt and server time", () => {
    const clock = testClock();
    const { client, server } = runHandshake(testEnv("c", clock), testEnv("s", clock));
    expect(client.authKey.key).toEqual(server.authKey.key);
    expect(client.authKey.idLong).toBe(server.authKey.idLong);
    expect(client.serverSalt).toBe(server.serverSalt);
    expect(client.expiresAt).toBeUndefined();
    expect(server.dcId).toBe(2);
    expect(Math.abs(client.timeOffsetMs)).toBeLessThan(1000);
  });

  it("creates a temporary key with p_q_inner_data_temp_dc", () => {
    const clock = testClock();
    const { client, server } = runHandshake(testEnv("c2", clock), testEnv("s2", clock), { expiresIn: 3600 });
    expect(client.authKey.key).toEqual(server.authKey.key);
    expect(server.expiresAt).toBe(Math.floor(clock.ms / 1000) + 3600);
    expect(client.expiresAt).toBe(server.expiresAt);
  });

  it("survives dh_gen_retry with retry_id = previous aux_hash", () => {
    const clock = testClock();
    const { client, server } = runHandshake(testEnv("c3", clock), testEnv("s3", clock), { forceRetry: true });
    expect(client.authKey.key).toEqual(server.authKey.key);
  });

  it("server accepts legacy p_q_inner_data (GramJS), then rejects a g_b out of range", () => {
    const clock = testClock();
    const key = serverRsaKey();
    const server = new ServerHandshake({ env: testEnv("s4", clock), rsaKeys: [key.privateKey] });
    const nonce = new Uint8Array(16).fill(1);
    const res = decode(server.receive(encode({ _: "req_pq_multi", nonce })));
    const { p, q } = factorizePqBytes(res.pq as Uint8Array);
    const newNonce = new Uint8Array(32).fill(2);
    const serverNonce = res.serverNonce as Uint8Array;
    const inner = codec.encode({ _: "p_q_inner_data", pq: res.pq as Uint8Array, p, q, nonce, serverNonce, newNonce });
    const answer = decode(
      server.receive(
        encode({
          _: "req_DH_params",
          nonce,
          serverNonce,
          p,
          q,
          publicKeyFingerprint: (res.serverPublicKeyFingerprints as bigint[])[0]!,
          encryptedData: rsaPadEncrypt(crypto, key.publicKey, inner),
        }),
      ),
    );
    expect(answer._).toBe("server_DH_params_ok");
    expect(server.state).toBe("set-dh");
    const tmp = deriveTmpAesKeyIv(crypto, serverNonce, newNonce);
    const clientInner = codec.encode({
      _: "client_DH_inner_data",
      nonce,
      serverNonce,
      retryId: 0n,
      gB: bigIntToBytes(1n, 256),
    });
    const encryptedData = crypto.aesIgeEncrypt(wrapWithHash(crypto, clientInner), tmp.key, tmp.iv);
    expect(() => server.receive(encode({ _: "set_client_DH_params", nonce, serverNonce, encryptedData }))).toThrow(
      expect.objectContaining({ code: "G_B_OUT_OF_RANGE" }),
    );
  });
});

/** A server that answers resPQ honestly and then lets a test tamper with what follows. */
function maliciousFlow(tamper: {
  resPQ?: (res: Obj) => Obj;
  inner?: (inner: Obj) => Obj;
  dhParams?: (answer: Obj) => Obj;
  dhGen?: (answer: Obj) => Obj;
}): () => void {
  return () => {
    const clock = testClock();
    const key = serverRsaKey();
    const client = new ClientHandshake({ env: testEnv("cm", clock), rsaKeys: [key.publicKey], dcId: 2 });
    const server = new ServerHandshake({ env: testEnv("sm", clock), rsaKeys: [key.privateKey] });
    let res = decode(server.receive(client.start()));
    if (tamper.resPQ) res = tamper.resPQ(res);
    const reqDhPacket = client.receive(encode(res))!;
    let answer = decode(server.receive(reqDhPacket));
    if (tamper.inner) {
      // Rebuild server_DH_params_ok around a tampered server_DH_inner_data.
      const req = decode(reqDhPacket) as unknown as RawReqDHParamsRequest;
      const inner = codec.reader(rsaPadDecrypt(crypto, key.privateKey, req.encryptedData)).object() as TypePQInnerData;
      const tmp = deriveTmpAesKeyIv(crypto, req.serverNonce, inner.newNonce);
      const a = 5n ** 900n;
      const p = TELEGRAM_DH_PRIME;
      const honest: Obj = {
        _: "server_DH_inner_data",
        nonce: req.nonce,
        serverNonce: req.serverNonce,
        g: 3,
        dhPrime: bigIntToBytes(p, 256),
        gA: bigIntToBytes(crypto.modPow(3n, a, p), 256),
        serverTime: Math.floor(clock.ms / 1000),
      };
      const data = codec.encode(tamper.inner(honest));
      answer = {
        _: "server_DH_params_ok",
        nonce: req.nonce,
        serverNonce: req.serverNonce,
        encryptedAnswer: crypto.aesIgeEncrypt(wrapWithHash(crypto, data), tmp.key, tmp.iv),
      };
    }
    if (tamper.dhParams) answer = tamper.dhParams(answer);
    const setDh = client.receive(encode(answer))!;
    let gen = decode(server.receive(setDh));
    if (tamper.dhGen) gen = tamper.dhGen(gen);
    client.receive(encode(gen));
  };
}

const flip = (bytes: unknown): Uint8Array => {
  const copy = (bytes as Uint8Array).slice();
  copy[0]! ^= 1;
  return copy;
};

describe("adversarial server: every check gives a typed HandshakeError", () => {
  const cases: [string, Parameters<typeof maliciousFlow>[0], string][] = [
    ["wrong nonce in resPQ", { resPQ: (r) => ({ ...r, nonce: flip(r.nonce) }) }, "NONCE_MISMATCH"],
    ["unknown fingerprint", { resPQ: (r) => ({ ...r, serverPublicKeyFingerprints: [1n] }) }, "UNKNOWN_FINGERPRINT"],
    ["prime pq", { resPQ: (r) => ({ ...r, pq: Uint8Array.of(0x7f, 0xff, 0xff, 0xff) }) }, "PQ_FACTORIZATION_FAILED"],
    [
      "wrong server_nonce in server_DH_params",
      { dhParams: (a) => ({ ...a, serverNonce: flip(a.serverNonce) }) },
      "SERVER_NONCE_MISMATCH",
    ],
    [
      "answer hash mismatch",
      { dhParams: (a) => ({ ...a, encryptedAnswer: flip(a.encryptedAnswer) }) },
      "ANSWER_HASH_MISMATCH",
    ],
    [
      "encrypted_answer not a multiple of 16",
      { dhParams: (a) => ({ ...a, encryptedAnswer: (a.encryptedAnswer as Uint8Array).slice(1) }) },
      "BAD_ENCRYPTED_ANSWER",
    ],
    [
      "server_DH_params_fail",
      {
        dhParams: (a) => ({
          _: "server_DH_params_fail",
          nonce: a.nonce,
          serverNonce: a.serverNonce,
          newNonceHash: new Uint8Array(16),
        }),
      },
      "SERVER_DH_PARAMS_FAIL",
    ],
    ["wrong nonce inside the encrypted answer", { inner: (i) => ({ ...i, nonce: flip(i.nonce) }) }, "NONCE_MISMATCH"],
    [
      "non-safe prime",
      { inner: (i) => ({ ...i, dhPrime: bigIntToBytes(TELEGRAM_DH_PRIME + 4n * 3n * 5n * 7n * 11n, 256) }) },
      "BAD_DH_PRIME",
    ],
    [
      "1024-bit prime",
      { inner: (i) => ({ ...i, dhPrime: bigIntToBytes(TELEGRAM_DH_PRIME >> 1024n, 128) }) },
      "BAD_DH_PRIME",
    ],
    ["bad g", { inner: (i) => ({ ...i, g: 2 }) }, "BAD_G"],
    ["g out of 2..7", { inner: (i) => ({ ...i, g: 9 }) }, "BAD_G"],
    ["g_a = 1", { inner: (i) => ({ ...i, gA: bigIntToBytes(1n, 256) }) }, "G_A_OUT_OF_RANGE"],
    ["g_a = p - 1", { inner: (i) => ({ ...i, gA: bigIntToBytes(TELEGRAM_DH_PRIME - 1n, 256) }) }, "G_A_OUT_OF_RANGE"],
    ["g_a below 2^1984", { inner: (i) => ({ ...i, gA: bigIntToBytes(1n << 1900n, 256) }) }, "G_A_OUT_OF_RANGE"],
    [
      "wrong new_nonce_hash1",
      { dhGen: (g) => ({ ...g, newNonceHash1: flip(g.newNonceHash1) }) },
      "NEW_NONCE_HASH_MISMATCH",
    ],
    [
      "wrong server_nonce in dh_gen_ok",
      { dhGen: (g) => ({ ...g, serverNonce: flip(g.serverNonce) }) },
      "SERVER_NONCE_MISMATCH",
    ],
    [
      "dh_gen_fail",
      {
        dhGen: (g) => ({
          _: "dh_gen_fail",
          nonce: g.nonce,
          serverNonce: g.serverNonce,
          newNonceHash3: new Uint8Array(16),
        }),
      },
      "NEW_NONCE_HASH_MISMATCH",
    ],
  ];
  for (const [name, tamper, code] of cases) {
    it(name, () => {
      expect(maliciousFlow(tamper)).toThrow(expect.objectContaining({ name: "HandshakeError", code }));
    });
  }

  it("dh_gen_fail with a correct new_nonce_hash3 -> DH_GEN_FAIL", () => {
    const clock = testClock();
    const key = serverRsaKey();
    const client = new ClientHandshake({ env: testEnv("cf", clock), rsaKeys: [key.publicKey], dcId: 2 });
    const server = new ServerHandshake({ env: testEnv("sf", clock), rsaKeys: [key.privateKey] });
    const reqDh = client.receive(server.receive(client.start()))!;
    const req = decode(reqDh) as unknown as RawReqDHParamsRequest;
    const newNonce = (
      codec.reader(rsaPadDecrypt(crypto, key.privateKey, req.encryptedData)).object() as TypePQInnerData
    ).newNonce;
    const ok = decode(server.receive(client.receive(server.receive(reqDh))!));
    const fail = {
      _: "dh_gen_fail",
      nonce: ok.nonce,
      serverNonce: ok.serverNonce,
      newNonceHash3: computeNewNonceHash(crypto, newNonce, 3, server.result!.authKey.auxHash),
    };
    expect(() => client.receive(encode(fail))).toThrow(expect.objectContaining({ code: "DH_GEN_FAIL" }));
  });

  it("rejects garbage and out-of-order packets without crashing", () => {
    const client = new ClientHandshake({ env: testEnv(), rsaKeys: [serverRsaKey().publicKey], dcId: 2 });
    client.start();
    expect(() => client.receive(new Uint8Array(10))).toThrow(HandshakeError);
    const again = new ClientHandshake({ env: testEnv(), rsaKeys: [serverRsaKey().publicKey], dcId: 2 });
    again.start();
    expect(() =>
      again.receive(
        encode({
          _: "dh_gen_ok",
          nonce: new Uint8Array(16),
          serverNonce: new Uint8Array(16),
          newNonceHash1: new Uint8Array(16),
        }),
      ),
    ).toThrow(expect.objectContaining({ code: "UNEXPECTED_MESSAGE" }));
    expect(bigIntFromBytes(Uint8Array.of(1, 0))).toBe(256n);
  });
});

describe("adversarial client: the server role checks too", () => {
  it("rejects wrong p/q and a wrong server_nonce", () => {
    const clock = testClock();
    const key = serverRsaKey();
    const server = new ServerHandshake({ env: testEnv("sx", clock), rsaKeys: [key.privateKey] });
    const client = new ClientHandshake({ env: testEnv("cx", clock), rsaKeys: [key.publicKey], dcId: 2 });
    const reqDh = decode(client.receive(server.receive(client.start()))!);
    expect(() => server.receive(encode({ ...reqDh, p: Uint8Array.of(3), q: Uint8Array.of(5) }))).toThrow(
      expect.objectContaining({ code: "BAD_PQ" }),
    );

    const server2 = new ServerHandshake({ env: testEnv("sy", clock), rsaKeys: [key.privateKey] });
    const client2 = new ClientHandshake({ env: testEnv("cy", clock), rsaKeys: [key.publicKey], dcId: 2 });
    const res2 = server2.receive(client2.start());
    const req2 = decode(client2.receive(res2)!);
    expect(() => server2.receive(encode({ ...req2, serverNonce: flip(req2.serverNonce) }))).toThrow(
      expect.objectContaining({ code: "SERVER_NONCE_MISMATCH" }),
    );
  });
});
