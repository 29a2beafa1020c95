import type { FrameCodec, FrameCodecOptions, FramingProtocol } from "../codec/frame.js";
import { AbridgedCodec } from "./abridged.js";
import { FullCodec } from "./full.js";
import { IntermediateCodec } from "./intermediate.js";

/** Builds the framing codec for `protocol` in the given role. */
export function createFrameCodec(protocol: FramingProtocol, options: FrameCodecOptions): FrameCodec {
  switch (protocol) {
    case "abridged":
      return new AbridgedCodec(options);
    case "intermediate":
      return new IntermediateCodec(options);
    case "padded":
      return new IntermediateCodec({ ...options, padded: true });
    case "full":
      return new FullCodec(options);
  }
}
