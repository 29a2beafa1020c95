import type { TypeUpdates } from "@mtkit/tl-core/api";
import type { ClientInfo } from "./client-info.js";

/** What a handler knows about the call and can do besides answering. */
export interface RpcContext {
  readonly dcId: number;
  /** Layer from invokeWithLayer on this auth key (GramJS sends 198, mtcute 227); undefined if none yet. */
  readonly layer: number | undefined;
  readonly authKeyId: bigint;
  readonly sessionId: bigint;
  readonly msgId: bigint;
  /** True for a temporary (PFS) key. */
  readonly isTempKey: boolean;
  /** The permanent key behind this call: the key itself, or the one a temp key is bound to. */
  readonly permAuthKeyId: bigint | undefined;
  readonly client: ClientInfo | undefined;
  /** True when the call came wrapped in invokeWithoutUpdates. */
  readonly withoutUpdates: boolean;
  /** Sends updates to this session (now, or on its next connection). */
  pushUpdates(updates: TypeUpdates | Uint8Array): void;
}
