// Two in-process secret-chat cores that exchange bytes by hand: the test harness of the sans-IO core.
import { bigIntToBytes, isGeneratorValidFor, TELEGRAM_DH_PRIME } from "@mtkit/mtproto-crypto";
import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import {
  answerRequest,
  beginRequest,
  completeRequest,
  DhConfigCache,
  newChatState,
  type OutboundPacket,
  SecretChatCore,
  type SecretChatEvent,
} from "../../src/secret/index.js";

export const crypto = createNodeCrypto();
export const G = [2, 3, 4, 5, 6, 7].find((g) => isGeneratorValidFor(TELEGRAM_DH_PRIME, g)) ?? 4;
export const P_BYTES = bigIntToBytes(TELEGRAM_DH_PRIME, 256);

export interface Clock {
  now: () => number;
  advance: (ms: number) => void;
}

export function makeClock(): Clock {
  let t = 1_800_000_000_000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

export interface Side {
  core: SecretChatCore;
  /** Packets sent but not yet delivered. */
  outbox: OutboundPacket[];
  events: SecretChatEvent[];
}

export interface Pair {
  alice: Side;
  bob: Side;
  clock: Clock;
}

export function dhConfig(cache = new DhConfigCache(crypto)) {
  return cache.apply({
    _: "messages.dhConfig",
    g: G,
    p: P_BYTES,
    version: 1,
    random: crypto.randomFill(new Uint8Array(256)),
  });
}

export function makePair(window?: number): Pair {
  const clock = makeClock();
  const config = dhConfig();
  const half = beginRequest(crypto, config);
  const answer = answerRequest(crypto, config, half.publicValue);
  const shared = completeRequest(crypto, config.params, half, answer.gB, answer.shared.fingerprint);
  const options = { crypto, now: clock.now, ...(window === undefined ? {} : { window }) };
  const common = { chatId: 7, accessHash: 99n, dh: config.params, now: clock.now() };
  const alice = new SecretChatCore(
    newChatState(crypto, { ...common, peerUserId: 2, role: "originator", shared }),
    options,
  );
  const bob = new SecretChatCore(
    newChatState(crypto, { ...common, peerUserId: 1, role: "responder", shared: answer.shared }),
    options,
  );
  return { alice: { core: alice, outbox: [], events: [] }, bob: { core: bob, outbox: [], events: [] }, clock };
}

/** Moves what the core produced into the side's outbox / events. */
export function collect(side: Side): void {
  const { packets, events } = side.core.drain();
  side.outbox.push(...packets);
  side.events.push(...events);
}

/** Delivers every pending packet from `from` to `to` (in order), returns how many. */
export function deliver(from: Side, to: Side): number {
  collect(from);
  const packets = from.outbox.splice(0);
  for (const packet of packets) to.core.receive(packet.data);
  collect(to);
  return packets.length;
}

/** Exchanges packets both ways until neither side has anything to send. */
export function settle(pair: Pair): void {
  for (let round = 0; round < 50; round++) {
    const moved = deliver(pair.alice, pair.bob) + deliver(pair.bob, pair.alice);
    if (moved === 0) return;
  }
  throw new Error("secret chat did not settle");
}

export function texts(side: Side): string[] {
  return side.events.flatMap((event) => (event.type === "message" ? [event.text] : []));
}

export function errors(side: Side): string[] {
  return side.events.flatMap((event) => (event.type === "error" || event.type === "aborted" ? [event.error.code] : []));
}
