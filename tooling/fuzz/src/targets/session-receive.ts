import { createAuthKey, encryptMessage, type AuthKey } from "@mtkit/mtproto-crypto";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import {
  ClientSession,
  encodeContainer,
  MemoryKeyStore,
  MessageRejectedError,
  ServerConnection,
  ServerSaltSchedule,
  ServerSessionStore,
  type SessionEnvironment,
} from "@mtkit/session";
import { apiRegistry } from "@mtkit/tl-core/api";
import { mutate, type Rng } from "../rng.js";
import { typedOutcome, type FuzzTarget } from "../target.js";

/** Constructor ids the receive path treats specially: containers, rpc_result, gzip, msg_copy, service messages. */
const IDS = [
  0x73f1f8dc, 0xf35c6d01, 0x3072cfa1, 0xe06046b2, 0xa7eff811, 0xedab447b, 0x62d6b459, 0x276d3ec6, 0x9ec20908,
  0xae500895, 0x347773c5, 0x04deb57d, 0x8cc0d131, 0x7d861a08, 0xda69fb52, 0x2144ca19,
];
const TWO_32 = 2n ** 32n;

function body(rng: Rng): Uint8Array {
  if (rng.below(6) === 0) {
    const items = Array.from({ length: 1 + rng.below(4) }, (_, i) => ({
      msgId: BigInt(i * 4 + 1) + TWO_32 * BigInt(Math.floor(Date.now() / 1000)),
      seqNo: rng.below(5),
      body: body(rng),
    }));
    return mutate(rng, encodeContainer(items));
  }
  const out = rng.bytes(4 * (1 + rng.below(48)));
  if (rng.below(3) !== 0) new DataView(out.buffer).setUint32(0, rng.pick(IDS), true);
  return out;
}

/** salt, session_id, msg_id, seq_no, length, body: encrypted under `key` as `sender` would. */
function seal(
  crypto: ReturnType<typeof createNodeCrypto>,
  key: AuthKey,
  sessionId: bigint,
  msgId: bigint,
  seqNo: number,
  unaligned: Uint8Array,
  sender: "client" | "server",
): Uint8Array {
  // Message bodies are whole 4-byte words; mutations may break that, the sealing must not.
  const data = new Uint8Array(unaligned.length + ((4 - (unaligned.length % 4)) % 4));
  data.set(unaligned);
  const plain = new Uint8Array(32 + data.length);
  const view = new DataView(plain.buffer);
  view.setBigInt64(8, sessionId, true);
  view.setBigInt64(16, msgId, true);
  view.setInt32(24, seqNo, true);
  view.setInt32(28, data.length, true);
  plain.set(data, 32);
  return encryptMessage(crypto, key, plain, sender);
}

/**
 * The session's receive path in both roles: random packets, and packets that pass the msg_key
 * check (sealed with the real key) carrying random and mutated bodies. The client may only throw
 * `MessageRejectedError`; the server role reports everything as events and throws nothing typed
 * but that.
 */
export function sessionReceiveTarget(): FuzzTarget {
  const crypto = createNodeCrypto();
  let seed = 1;
  const env: SessionEnvironment = { crypto, now: Date.now, randomBytes: (n) => crypto.randomFill(new Uint8Array(n)) };
  const authKey = createAuthKey(crypto, crypto.randomFill(new Uint8Array(256)));
  const sessionId = 77n;
  const keys = new MemoryKeyStore(() => Math.floor(Date.now() / 1000));
  keys.set({
    authKey,
    expiresAt: undefined,
    dcId: 1,
    boundPermKeyId: undefined,
    createdAt: Math.floor(Date.now() / 1000),
    firstSalt: 0n,
  });
  const sessions = new ServerSessionStore({ maxSessions: 64 });
  const salts = new ServerSaltSchedule(() => BigInt(seed++));
  let client = new ClientSession({ env, authKey, sessionId, apiRegistry });
  let server = new ServerConnection({ env, keys, sessions, salts, rsaKeys: [], apiRegistry });
  let count = 0;
  let msgId = BigInt(Math.floor(Date.now() / 1000)) * TWO_32;
  return {
    name: "session-receive",
    run(rng: Rng, guard) {
      // Fresh state now and then, so replay windows and outboxes do not only ever grow.
      if (++count % 5000 === 0) {
        client = new ClientSession({ env, authKey, sessionId, apiRegistry });
        server = new ServerConnection({ env, keys, sessions, salts, rsaKeys: [], apiRegistry });
        msgId = BigInt(Math.floor(Date.now() / 1000)) * TWO_32;
      }
      msgId += 4n;
      const toServer = rng.below(2) === 0;
      let packet: Uint8Array;
      const shape = rng.below(4);
      if (shape === 0) packet = rng.bytes(rng.below(300));
      else {
        packet = seal(
          crypto,
          authKey,
          sessionId,
          msgId + (toServer ? 0n : 1n),
          rng.below(7),
          body(rng),
          toServer ? "client" : "server",
        );
        if (shape === 1) packet = mutate(rng, packet);
      }
      guard.inputLength = packet.length;
      try {
        if (toServer) {
          server.receive(packet);
          server.flush();
        } else {
          client.receive(packet);
          client.flush();
        }
        return "ok";
      } catch (error) {
        return typedOutcome(error, [MessageRejectedError]);
      }
    },
  };
}
