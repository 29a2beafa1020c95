import {
  IntermediatePacketCodec,
  ObfuscatedPacketCodec,
  PaddedIntermediatePacketCodec,
  TcpTransport,
  type TelegramTransport,
} from "@mtcute/node";

/** mtcute's Node transports (no abridged, no full, no WebSocket in @mtcute/node): /work/shared/peers.md §2. */
export type MtcuteTransport = "intermediate" | "padded" | "obfuscated" | "obfuscated-padded";

class PaddedTcp extends TcpTransport {
  override packetCodec(): IntermediatePacketCodec {
    return new PaddedIntermediatePacketCodec();
  }
}

// ObfuscatedPacketCodec wraps an inner codec; TcpTransport's signature names the intermediate one.
class ObfuscatedTcp extends TcpTransport {
  override packetCodec(): IntermediatePacketCodec {
    return new ObfuscatedPacketCodec(new IntermediatePacketCodec()) as unknown as IntermediatePacketCodec;
  }
}

class ObfuscatedPaddedTcp extends TcpTransport {
  override packetCodec(): IntermediatePacketCodec {
    return new ObfuscatedPacketCodec(new PaddedIntermediatePacketCodec()) as unknown as IntermediatePacketCodec;
  }
}

/** A fresh mtcute transport of this kind (one per client: a transport holds its connection state). */
export function mtcuteTransport(kind: MtcuteTransport): TelegramTransport {
  switch (kind) {
    case "intermediate":
      return new TcpTransport();
    case "padded":
      return new PaddedTcp();
    case "obfuscated":
      return new ObfuscatedTcp();
    case "obfuscated-padded":
      return new ObfuscatedPaddedTcp();
  }
}
