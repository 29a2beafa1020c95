import { hex, loadVectors, toHex } from "@mtkit/test-vectors";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeDhParamsFailHash,
  computeFirstServerSalt,
  computeMsgKey,
  computeNewNonceHash,
  createAuthKey,
  decryptMessage,
  decryptMessageV1,
  deriveAesKeyIv,
  deriveAesKeyIvV1,
  deriveTmpAesKeyIv,
  encryptMessage,
  encryptMessageV1,
  MessageCryptoError,
  type MessageCryptoErrorCode,
  unwrapWithHash,
  wrapWithHash,
} from "../src/index.js";
import { PROVIDERS } from "./providers.js";

interface Side {
  aes_key: string;
  aes_iv: string;
}
interface MessageVectors {
  kdf_v2: { auth_key: string; msg_key: string; x0_client_to_server: Side; x8_server_to_client: Side }[];
  encrypt_v2: {
    auth_key: string;
    auth_key_id: string;
    plaintext: string;
    padding: string;
    msg_key: string;
    aes_key: string;
    aes_iv: string;
    output: string;
  }[];
  decrypt_v2: {
    auth_key: string;
    input: string;
    plaintext: string;
    expect: { session_id: string; msg_id: string; seq_no: number; body_utf8: string };
    negative_cases_from_mtcute: Record<string, string>;
  }[];
  tmp_aes_from_nonces: { server_nonce: string; new_nonce: string; tmp_aes_key: string; tmp_aes_iv: string }[];
  kdf_v1: { auth_key: string; msg_key: string; x0: Side; x8: Side }[];
}
const V = loadVectors("mtproto2-message-crypto") as MessageVectors;

interface AuthSample {
  official_sample: Record<string, string> & { tl: Record<string, string> };
}
const official = (loadVectors("auth-key-exchange") as AuthSample).official_sample;
const sample: Record<string, string> = { ...official, ...official.tl };

function expectCode(fn: () => unknown, code: MessageCryptoErrorCode): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(MessageCryptoError);
    expect((e as MessageCryptoError).code).toBe(code);
    return;
  }
  throw new Error(`expected MessageCryptoError ${code}`);
}

describe.each(PROVIDERS)("MTProto 2.0 message crypto ($name)", (crypto) => {
  it.each(V.kdf_v2)("KDF for x = 0 and x = 8 ($name)", (v) => {
    const k0 = deriveAesKeyIv(crypto, hex(v.auth_key), hex(v.msg_key), 0);
    const k8 = deriveAesKeyIv(crypto, hex(v.auth_key), hex(v.msg_key), 8);
    expect([toHex(k0.key), toHex(k0.iv)]).toEqual([v.x0_client_to_server.aes_key, v.x0_client_to_server.aes_iv]);
    expect([toHex(k8.key), toHex(k8.iv)]).toEqual([v.x8_server_to_client.aes_key, v.x8_server_to_client.aes_iv]);
  });

  it.each(V.encrypt_v2)("encrypts the vector byte for byte ($name)", (v) => {
    const key = createAuthKey(crypto, hex(v.auth_key));
    expect(toHex(key.id)).toBe(v.auth_key_id);
    const padded = hex(v.plaintext);
    const plaintext = padded.subarray(0, padded.length - hex(v.padding).length);
    expect(toHex(computeMsgKey(crypto, key.key, padded, 0))).toBe(v.msg_key);
    const derived = deriveAesKeyIv(crypto, key.key, hex(v.msg_key), 0);
    expect([toHex(derived.key), toHex(derived.iv)]).toEqual([v.aes_key, v.aes_iv]);
    expect(toHex(encryptMessage(crypto, key, plaintext, "client", { padding: hex(v.padding) }))).toBe(v.output);
  });

  const dec = V.decrypt_v2[0]!;
  const decKey = createAuthKey(crypto, hex(dec.auth_key));

  it("decrypts the server->client vector", () => {
    const m = decryptMessage(crypto, decKey, hex(dec.input), "server", {
      expectedSessionId: BigInt(dec.expect.session_id),
    });
    expect(toHex(m.plaintext)).toBe(dec.plaintext);
    expect(m.msgId).toBe(BigInt(dec.expect.msg_id));
    expect(m.seqNo).toBe(dec.expect.seq_no);
    expect(new TextDecoder().decode(m.body)).toBe(dec.expect.body_utf8);
  });

  it("rejects every negative case with a typed error", () => {
    const n = dec.negative_cases_from_mtcute;
    expectCode(() => decryptMessage(crypto, decKey, hex(n.invalid_msg_key!), "server"), "MSG_KEY_MISMATCH");
    expectCode(
      () =>
        decryptMessage(crypto, decKey, hex(n.invalid_session_id!), "server", {
          expectedSessionId: BigInt(dec.expect.session_id),
        }),
      "SESSION_ID_MISMATCH",
    );
    expectCode(() => decryptMessage(crypto, decKey, hex(n.length_too_long!), "server"), "LENGTH_OUT_OF_RANGE");
    expectCode(
      () => decryptMessage(crypto, decKey, hex(n.length_not_multiple_of_4!), "server"),
      "LENGTH_NOT_MULTIPLE_OF_4",
    );
    expectCode(() => decryptMessage(crypto, decKey, hex(n.invalid_padding_size!), "server"), "PADDING_OUT_OF_RANGE");
    // Wrong direction: the same bytes under x = 0 fail the msg_key check.
    expectCode(() => decryptMessage(crypto, decKey, hex(dec.input), "client"), "MSG_KEY_MISMATCH");
    const other = createAuthKey(crypto, new Uint8Array(256).fill(7));
    expectCode(() => decryptMessage(crypto, other, hex(dec.input), "server"), "AUTH_KEY_ID_MISMATCH");
    expectCode(() => decryptMessage(crypto, decKey, hex(dec.input).subarray(0, 40), "server"), "PACKET_TOO_SHORT");
  });

  it("strips padded-intermediate trailing bytes only when allowed", () => {
    const input = hex(`${dec.input}deadbeef`);
    expectCode(() => decryptMessage(crypto, decKey, input, "server"), "LENGTH_NOT_ALIGNED");
    expect(toHex(decryptMessage(crypto, decKey, input, "server", { allowTransportPadding: true }).plaintext)).toBe(
      dec.plaintext,
    );
  });

  it("round-trips random messages both ways and never crashes on tampering (property)", () => {
    const authKey = createAuthKey(crypto, crypto.randomFill(new Uint8Array(256)));
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: 2000 }),
        fc.constantFrom("client" as const, "server" as const),
        fc.nat(),
        (raw, sender, flip) => {
          const body = raw.subarray(0, raw.length - (raw.length % 4));
          const plaintext = new Uint8Array(32 + body.length);
          crypto.randomFill(plaintext.subarray(0, 28));
          new DataView(plaintext.buffer).setInt32(28, body.length, true);
          plaintext.set(body, 32);
          const packet = encryptMessage(crypto, authKey, plaintext, sender);
          expect(decryptMessage(crypto, authKey, packet, sender).body).toEqual(body);
          const tampered = packet.slice();
          const at = 8 + (flip % (packet.length - 8));
          tampered[at] = tampered[at]! ^ 1;
          expectCode(() => decryptMessage(crypto, authKey, tampered, sender), "MSG_KEY_MISMATCH");
        },
      ),
      { numRuns: 40 },
    );
  });

  it("rejects malformed plaintext and padding on encrypt", () => {
    expectCode(() => encryptMessage(crypto, decKey, new Uint8Array(31), "client"), "INVALID_PLAINTEXT");
    const plaintext = new Uint8Array(36);
    plaintext[28] = 4;
    expectCode(
      () => encryptMessage(crypto, decKey, plaintext, "client", { padding: new Uint8Array(27) }),
      "INVALID_PADDING",
    );
    expectCode(
      () => encryptMessage(crypto, decKey, plaintext, "client", { padding: new Uint8Array(1036) }),
      "INVALID_PADDING",
    );
  });
});

describe.each(PROVIDERS)("auth key creation values ($name)", (crypto) => {
  it.each(V.tmp_aes_from_nonces)("tmp_aes_key/iv from nonces ($name)", (v) => {
    const { key, iv } = deriveTmpAesKeyIv(crypto, hex(v.server_nonce), hex(v.new_nonce));
    expect([toHex(key), toHex(iv)]).toEqual([v.tmp_aes_key, v.tmp_aes_iv]);
  });

  it("reproduces the official sample: tmp key, answer hash, client data, auth_key_id, aux_hash, nonce hash, salt", () => {
    const s = sample;
    const { key, iv } = deriveTmpAesKeyIv(crypto, hex(s.server_nonce!), hex(s.new_nonce!));
    expect([toHex(key), toHex(iv)]).toEqual([s.tmp_aes_key, s.tmp_aes_iv]);
    const answer = crypto.aesIgeEncrypt(hex(s.answer_with_hash!), key, iv);
    expect(toHex(unwrapWithHash(crypto, crypto.aesIgeDecrypt(answer, key, iv)))).toBe(s.server_DH_inner_data);
    const wrapped = wrapWithHash(crypto, hex(s.client_DH_inner_data!), hex(s.client_padding!));
    expect(toHex(crypto.aesIgeEncrypt(wrapped, key, iv))).toBe(s.client_encrypted_data);
    const authKey = createAuthKey(crypto, hex(s.auth_key!));
    expect(toHex(authKey.id)).toBe(s.auth_key_id);
    expect(toHex(authKey.auxHash)).toBe(s.aux_hash);
    expect(toHex(computeNewNonceHash(crypto, hex(s.new_nonce!), 1, authKey.auxHash))).toBe(s.new_nonce_hash1);
    expect(computeFirstServerSalt(hex(s.new_nonce!), hex(s.server_nonce!))).toBe(BigInt(s.first_server_salt_i64!));
    expect(computeDhParamsFailHash(crypto, hex(s.new_nonce!))).toEqual(crypto.sha1(hex(s.new_nonce!)).subarray(4, 20));
  });

  it("unwrapWithHash rejects corrupted data", () => {
    const wrapped = wrapWithHash(crypto, new Uint8Array(40).fill(1));
    wrapped[25] = wrapped[25]! ^ 1;
    expect(() => unwrapWithHash(crypto, wrapped)).toThrow(/SHA1/);
    expect(() => unwrapWithHash(crypto, new Uint8Array(17))).toThrow(/length/);
  });

  it.each(V.kdf_v1)("MTProto 1.0 KDF for x = 0 and x = 8 ($name)", (v) => {
    const k0 = deriveAesKeyIvV1(crypto, hex(v.auth_key), hex(v.msg_key), 0);
    const k8 = deriveAesKeyIvV1(crypto, hex(v.auth_key), hex(v.msg_key), 8);
    expect([toHex(k0.key), toHex(k0.iv), toHex(k8.key), toHex(k8.iv)]).toEqual([
      v.x0.aes_key,
      v.x0.aes_iv,
      v.x8.aes_key,
      v.x8.aes_iv,
    ]);
  });

  it("MTProto 1.0 bind message round-trips through the server-side decryptor", () => {
    const perm = createAuthKey(crypto, crypto.randomFill(new Uint8Array(256)));
    const plaintext = new Uint8Array(32 + 40);
    crypto.randomFill(plaintext);
    plaintext.set([40, 0, 0, 0], 28);
    const packet = encryptMessageV1(crypto, perm, plaintext);
    expect(decryptMessageV1(crypto, perm, packet)).toEqual(plaintext);
    packet[30] = packet[30]! ^ 0x10;
    expect(() => decryptMessageV1(crypto, perm, packet)).toThrow(MessageCryptoError);
  });
});
