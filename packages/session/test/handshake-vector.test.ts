import { describe, expect, it } from "vitest";
import { TELEGRAM_PRODUCTION_RSA_KEY } from "@mtkit/mtproto-crypto";
import { hex, loadVectors, toHex } from "@mtkit/test-vectors";
import { ClientHandshake, decodePlainMessage, encodePlainMessage } from "../src/index.js";
import { crypto, scriptedRandom, testClock } from "./helpers/env.js";

interface Sample {
  official_sample: {
    nonce: string;
    new_nonce: string;
    tl: Record<string, string>;
  };
}

/**
 * The worked example of https://core.telegram.org/mtproto/samples-auth_key, replayed through the
 * client state machine with the page's randomness. Only RSA_PAD's output differs (its temp_key is
 * not published), so every other byte we send must match the page.
 */
describe("client handshake against the official sample", () => {
  const sample = (loadVectors("auth-key-exchange") as Sample).official_sample;
  const tl = sample.tl;

  it("reproduces req_pq_multi, req_DH_params (minus RSA), set_client_DH_params and the auth key", () => {
    const random = scriptedRandom([hex(sample.nonce), hex(sample.new_nonce), hex(tl.b!), hex(tl.client_padding!)]);
    const handshake = new ClientHandshake({
      env: { crypto, now: testClock(1_707_425_100_000).now, randomBytes: random },
      rsaKeys: [TELEGRAM_PRODUCTION_RSA_KEY],
      dcId: 2,
    });
    const body = (packet: Uint8Array): string => toHex(decodePlainMessage(packet).body);
    const serverPacket = (name: string): Uint8Array => encodePlainMessage(0x65c53d51_00000001n, hex(tl[name]!));

    expect(body(handshake.start())).toBe(tl.req_pq_multi);

    const reqDh = body(handshake.receive(serverPacket("resPQ"))!);
    const expectedReqDh = tl.req_DH_params!;
    // Everything before encrypted_data (4-byte length header + 256 bytes) is deterministic.
    const fixedPart = expectedReqDh.length - 2 * 260;
    expect(reqDh.length).toBe(expectedReqDh.length);
    expect(reqDh.slice(0, fixedPart)).toBe(expectedReqDh.slice(0, fixedPart));

    const setDh = body(handshake.receive(serverPacket("server_DH_params_ok"))!);
    expect(setDh).toBe(tl.set_client_DH_params);

    expect(handshake.receive(serverPacket("dh_gen_ok"))).toBeUndefined();
    const result = handshake.result!;
    expect(toHex(result.authKey.key)).toBe(tl.auth_key);
    expect(toHex(result.authKey.id)).toBe(tl.auth_key_id);
    expect(toHex(result.authKey.auxHash)).toBe(tl.aux_hash);
    expect(result.serverSalt).toBe(BigInt(tl.first_server_salt_i64!));
    expect(result.timeOffsetMs).toBe(Number(tl.server_time) * 1000 - 1_707_425_100_000);
  });
});
