import { createNodeCrypto } from "@mtkit/mtproto-crypto/node";
import {
  ClientConnection,
  createFrameCodec,
  ServerConnection,
  TransportError,
  TransportStatusError,
  type FrameCodec,
  type FramingProtocol,
  type Role,
} from "@mtkit/transport-tcp/codec";
import { mutate, splitRandomly, type Rng } from "../rng.js";
import { typedOutcome, type FuzzTarget } from "../target.js";

const PROTOCOLS: FramingProtocol[] = ["abridged", "intermediate", "padded", "full"];
const ROLES: Role[] = ["client", "server"];
const SECRETS = [
  "00112233445566778899aabbccddeeff",
  "ddf05fb7acb549be047a7c585116581418",
  "ee852380f362a09343efb4690c4e17862e676f6f676c652e636f6d",
];
const TYPED = [TransportError, TransportStatusError];

/** A few valid frames from the peer's codec, so mutations reach past the first header. */
function validStream(rng: Rng, protocol: FramingProtocol, receiverRole: Role): Uint8Array[] {
  const sender = createFrameCodec(protocol, {
    role: receiverRole === "server" ? "client" : "server",
    randomFill: (out) => rng.bytes(out.length),
  });
  return Array.from({ length: 1 + rng.below(3) }, () => sender.encodePacket(rng.bytes(4 * (1 + rng.below(40)))));
}

function feed(codec: FrameCodec | ServerConnection | ClientConnection, rng: Rng, bytes: Uint8Array): void {
  for (const part of splitRandomly(rng, bytes)) {
    if ("decode" in codec) codec.decode(part);
    else codec.receive(part);
  }
}

/**
 * Every framing codec in both roles (abridged, intermediate, padded, full), then transport
 * detection on the server side (plain tags, obfuscation with and without MTProxy secrets,
 * fake-TLS) and the client connection's receive. Only `TransportError` may come out.
 */
export function framingTarget(): FuzzTarget {
  const crypto = createNodeCrypto();
  return {
    name: "framing",
    run(rng: Rng, guard) {
      const choice = rng.below(PROTOCOLS.length * ROLES.length + 2);
      try {
        if (choice < PROTOCOLS.length * ROLES.length) {
          const protocol = PROTOCOLS[choice % PROTOCOLS.length]!;
          const role = ROLES[Math.floor(choice / PROTOCOLS.length)]!;
          const valid = validStream(rng, protocol, role);
          const bytes = rng.below(3) === 0 ? rng.bytes(rng.below(256)) : mutate(rng, concat(valid));
          guard.inputLength = bytes.length;
          const randomFill = (out: Uint8Array): Uint8Array => rng.bytes(out.length);
          feed(
            createFrameCodec(protocol, { role, maxPacketLength: rng.pick([64, 1024, 2 * 1024 * 1024]), randomFill }),
            rng,
            bytes,
          );
        } else if (choice === PROTOCOLS.length * ROLES.length) {
          const client = new ClientConnection({
            crypto,
            protocol: rng.pick(["abridged", "intermediate", "padded"] as const),
            obfuscation: rng.below(2) === 0 ? { secret: rng.pick(SECRETS) } : rng.below(2) === 0,
          });
          client.sendPacket(rng.bytes(4 * (1 + rng.below(32))));
          const bytes =
            rng.below(3) === 0 ? rng.bytes(rng.below(600)) : mutate(rng, client.takeOutput() ?? new Uint8Array(0));
          guard.inputLength = bytes.length;
          feed(
            new ServerConnection({
              crypto,
              secrets: SECRETS,
              requireSecret: rng.below(4) === 0,
              maxPacketLength: 4096,
            }),
            rng,
            bytes,
          );
        } else {
          const client = new ClientConnection({
            crypto,
            protocol: rng.pick(["abridged", "intermediate", "padded", "full"] as const),
          });
          client.sendPacket(new Uint8Array(8));
          const bytes = rng.bytes(rng.below(300));
          guard.inputLength = bytes.length;
          feed(client, rng, bytes);
        }
        return "ok";
      } catch (error) {
        return typedOutcome(error, TYPED);
      }
    },
  };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
