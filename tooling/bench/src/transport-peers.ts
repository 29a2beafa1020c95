// mtcute's transport codecs (IntermediatePacketCodec, ObfuscatedPacketCodec over @fuman/io Bytes),
// measured in the same run as mtkit's. GramJS has no sans-IO codec to compare with.
import { createRequire } from "node:module";
import { IntermediatePacketCodec, ObfuscatedPacketCodec } from "@mtcute/core";
import { NodeCryptoProvider } from "@mtcute/node/utils.js";

interface FumanBytes {
  result(): Uint8Array;
  reset(): void;
}
const requireFromMtcute = createRequire(createRequire(import.meta.url).resolve("@mtcute/core"));
const { Bytes } = requireFromMtcute("@fuman/io") as { Bytes: { alloc(capacity?: number): FumanBytes } };

const ignore = (): undefined => undefined;
const silentLogger = {
  debug: ignore,
  warn: ignore,
  error: ignore,
  info: ignore,
  verbose: ignore,
  create() {
    return this;
  },
};

export interface MtcuteCodecs {
  /** IntermediatePacketCodec.encode into a reused buffer. */
  intermediateEncode(packet: Uint8Array): unknown;
  /** encode then decode back from the same buffer. */
  intermediateRoundTrip(packet: Uint8Array): unknown;
  /** ObfuscatedPacketCodec(Intermediate).encode (async in mtcute). mtcute has no server-side codec,
   * so there is no matching obfuscated decode to measure. */
  obfuscatedEncode(packet: Uint8Array): Promise<unknown>;
}

export async function mtcuteCodecs(): Promise<MtcuteCodecs> {
  const crypto = new NodeCryptoProvider();
  await crypto.initialize();
  const plain = new IntermediatePacketCodec();
  const buffer = Bytes.alloc(1 << 20);
  const obfuscated = new ObfuscatedPacketCodec(new IntermediatePacketCodec());
  obfuscated.setup(crypto, silentLogger as never);
  await obfuscated.tag();
  const obfBuffer = Bytes.alloc(1 << 20);
  return {
    intermediateEncode: (packet) => {
      buffer.reset();
      plain.encode(packet, buffer as never);
      return buffer.result();
    },
    intermediateRoundTrip: (packet) => {
      buffer.reset();
      plain.encode(packet, buffer as never);
      return plain.decode(buffer as never, false);
    },
    obfuscatedEncode: async (packet) => {
      obfBuffer.reset();
      await obfuscated.encode(packet, obfBuffer as never);
      return obfBuffer.result();
    },
  };
}
