import { generateRsaKeyPair, type GeneratedRsaKeyPair } from "@mtkit/mtproto-crypto/node";
import {
  ClientHandshake,
  ServerHandshake,
  type ClientHandshakeOptions,
  type HandshakeResult,
  type SessionEnvironment,
} from "../../src/index.js";
import { crypto } from "./env.js";

let cached: GeneratedRsaKeyPair | undefined;
/** One 2048-bit RSA key per test process. */
export function serverRsaKey(): GeneratedRsaKeyPair {
  cached ??= generateRsaKeyPair(crypto);
  return cached;
}

/** Runs both state machines against each other in memory; returns both results. */
export function runHandshake(
  clientEnv: SessionEnvironment,
  serverEnv: SessionEnvironment,
  options: Partial<ClientHandshakeOptions> & { forceRetry?: boolean } = {},
): { client: HandshakeResult; server: HandshakeResult; clientMachine: ClientHandshake } {
  const key = serverRsaKey();
  const client = new ClientHandshake({ env: clientEnv, rsaKeys: [key.publicKey], dcId: 2, ...options });
  const server = new ServerHandshake({
    env: serverEnv,
    rsaKeys: [key.privateKey],
    ...(options.forceRetry === true ? { forceRetry: true } : {}),
  });
  let packet: Uint8Array | undefined = client.start();
  while (packet !== undefined) packet = client.receive(server.receive(packet));
  return { client: client.result!, server: server.result!, clientMachine: client };
}
