import {
  combineRegistries,
  decodeObject,
  encodeObject,
  TlReader,
  type TlObject,
  type TlRegistry,
} from "@mtkit/tl-core";
import { mtprotoRegistry } from "./registry.js";
import type { AnyTlObject, MtprotoObject, ServiceObject } from "./types.js";

/** Combining copies thousands of map entries, so each API registry is combined once per process. */
const combined = new WeakMap<TlRegistry, TlRegistry>();

function combinedWith(apiRegistry: TlRegistry): TlRegistry {
  if (apiRegistry === mtprotoRegistry) return mtprotoRegistry;
  let registry = combined.get(apiRegistry);
  if (registry === undefined) {
    // MTProto last: its service constructors win over any same-id API entry.
    registry = combineRegistries(apiRegistry, mtprotoRegistry);
    combined.set(apiRegistry, registry);
    combined.set(registry, registry);
  }
  return registry;
}

/**
 * The session's view of TL: one registry that knows the MTProto service schema plus whatever API
 * schema the layer above passes (so an rpc_result holding an API object decodes in one go).
 */
export class SessionCodec {
  readonly registry: TlRegistry;

  constructor(apiRegistry?: TlRegistry) {
    this.registry = apiRegistry === undefined ? mtprotoRegistry : combinedWith(apiRegistry);
  }

  encode(value: ServiceObject | MtprotoObject | TlObject | AnyTlObject): Uint8Array {
    return encodeObject(this.registry, value);
  }

  decode(bytes: Uint8Array): unknown {
    return decodeObject(this.registry, bytes);
  }

  /** Decodes the result of `method` (handles `Vector<long>`-style results that carry no type). */
  decodeResult(method: string | undefined, bytes: Uint8Array): unknown {
    const reader = new TlReader(this.registry, bytes);
    const value = method === undefined ? reader.object() : reader.result(method);
    reader.expectEnd();
    return value;
  }

  reader(bytes: Uint8Array): TlReader {
    return new TlReader(this.registry, bytes);
  }
}
