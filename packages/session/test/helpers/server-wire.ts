import { apiRegistry } from "@mtkit/tl-core/api";
import { decodeContainer, SessionCodec, type ClientSession } from "../../src/index.js";
import { openMessage, sealMessage } from "../../src/core/message-cipher.js";
import { crypto } from "./env.js";
import { Harness } from "./harness.js";
import type { ServerSessionStoreOptions } from "../../src/index.js";

export const codec = new SessionCodec(apiRegistry);
export const TWO_32 = 2n ** 32n;
export type Obj = { _: string } & Record<string, unknown>;

/** Every object the server sent in these packets (containers unpacked). */
export function serverObjects(client: ClientSession, packets: Uint8Array[]): Obj[] {
  return packets.flatMap((packet) => {
    const { body } = openMessage(crypto, client.state.authKey, packet, "server");
    const bodies =
      new DataView(body.buffer, body.byteOffset).getUint32(0, true) === 0x73f1f8dc
        ? decodeContainer(body).map((i) => i.body)
        : [body];
    return bodies.map((b) => {
      try {
        return codec.decode(b) as Obj;
      } catch {
        return { _: "raw" };
      }
    });
  });
}

export interface RawMessage {
  readonly msgId: bigint;
  readonly seqNo: number;
  readonly body: Obj | Uint8Array;
  readonly salt?: bigint;
  /** Another session_id under the client's key (default: the client's own). */
  readonly sessionId?: bigint;
}

/** Encrypts one hand-made client message (any msg_id / seq_no / salt / session_id) under the client's key. */
export function sealRaw(client: ClientSession, fields: RawMessage): Uint8Array {
  const plaintext = {
    salt: fields.salt ?? client.state.salts.current,
    sessionId: fields.sessionId ?? client.state.sessionId,
    msgId: fields.msgId,
    seqNo: fields.seqNo,
    body: fields.body instanceof Uint8Array ? fields.body : codec.encode(fields.body),
  };
  return sealMessage(crypto, client.state.authKey, plaintext, "client");
}

/** Sends one hand-made client message to the server and returns what the server sent back. */
export function rawSend(h: Harness, client: ClientSession, fields: RawMessage): Obj[] {
  h.deliverToServer(sealRaw(client, fields));
  return serverObjects(client, h.conn.flush());
}

/** A key, a client on it and one answered call, so the client's session exists on the server. */
export function serverSetup(
  seed: string,
  storeOptions: ServerSessionStoreOptions = {},
): { h: Harness; client: ClientSession; now: bigint } {
  const h = new Harness(seed, undefined, storeOptions);
  const client = h.client(h.handshake(`${seed}-c`));
  client.invoke({ _: "help.getNearestDc" });
  h.pump(client);
  return { h, client, now: BigInt(Math.floor(h.clock.ms / 1000)) * TWO_32 };
}
