import { combineRegistries, decodeObject, TlError, TlReader, type TlRegistry } from "@mtkit/tl-core";
import { apiRegistry } from "@mtkit/tl-core/api";
import { mtprotoRegistry } from "@mtkit/tl-core/mtproto";
import { secretRegistry } from "@mtkit/tl-core/secret";
import { mutate, type Rng } from "../rng.js";
import { typedOutcome, type FuzzTarget } from "../target.js";

/**
 * The TL reader over every schema: a real constructor id followed by random words, mutations of
 * inputs that decoded (a small corpus grows from what the reader accepts), and typeless results
 * (`Vector<long>`, `Bool`) read for a random method. Only `TlError` may come out.
 */
export function tlReaderTarget(): FuzzTarget {
  const registry: TlRegistry = combineRegistries(apiRegistry, secretRegistry, mtprotoRegistry);
  const ids = [...registry.readers.keys()];
  const methods = [...registry.results.keys()];
  const corpus: Uint8Array[] = [];
  return {
    name: "tl-reader",
    run(rng: Rng, guard) {
      let input: Uint8Array;
      if (corpus.length > 0 && rng.below(2) === 0) input = mutate(rng, rng.pick(corpus));
      else {
        input = rng.bytes(4 * rng.below(64));
        if (input.length >= 4) new DataView(input.buffer).setInt32(0, rng.pick(ids), true);
      }
      guard.inputLength = input.length;
      try {
        if (rng.below(4) === 0) {
          const reader = new TlReader(registry, input);
          reader.result(rng.pick(methods));
          reader.expectEnd();
        } else {
          decodeObject(registry, input);
        }
        if (corpus.length < 2000) corpus.push(input);
        return "ok";
      } catch (error) {
        return typedOutcome(error, [TlError]);
      }
    },
  };
}
