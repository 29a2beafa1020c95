import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import { decodeObject, TlWriter, type TlObject } from "@mtkit/tl-core";
import { apiRegistry, type auth } from "@mtkit/tl-core/api";
import type { FaultKnobs } from "../faults/fault-knobs.js";
import type { AuthKeyRecord } from "../session/auth-key-record.js";
import type { ServerSession } from "../session/server-session.js";
import * as reply from "../session/service-replies.js";
import { bindTempAuthKey } from "./bind-temp-auth-key.js";
import type { HandlerRegistry } from "./handler-registry.js";
import type { RpcContext } from "./rpc-context.js";
import { RpcError } from "./rpc-error.js";
import { unwrapInvoke } from "./unwrap-invoke.js";

export interface DispatcherDeps {
  readonly dcId: number;
  readonly crypto: CryptoProvider;
  readonly handlers: HandlerRegistry;
  readonly faults: FaultKnobs;
  findKey(authKeyId: bigint): AuthKeyRecord | undefined;
  /** Called when an unexpected (non-RpcError) exception escapes a handler. */
  onHandlerError(error: unknown, method: string): void;
}

/** Methods a temporary key may call before it is bound (https://core.telegram.org/api/pfs). */
const ALLOWED_UNBOUND = new Set(["auth.bindTempAuthKey", "help.getConfig", "help.getNearestDc"]);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs one API call and queues its rpc_result (or rpc_error) on the session. */
export function dispatchRpc(deps: DispatcherDeps, session: ServerSession, msgId: bigint, body: Uint8Array): void {
  let resolveDone!: () => void;
  const call = { dropped: false, done: new Promise<void>((resolve) => (resolveDone = resolve)) };
  session.running.set(msgId, call);
  void answer(deps, session, msgId, body)
    .then((result) => {
      if (result === undefined || call.dropped) return;
      session.send({ body: reply.rpcResult(msgId, result), contentRelated: true, isResponse: true });
    })
    .finally(() => {
      session.running.delete(msgId);
      resolveDone();
    });
}

/** The rpc_result payload, or undefined when the call must stay unanswered (disconnect knob). */
async function answer(deps: DispatcherDeps, session: ServerSession, msgId: bigint, body: Uint8Array): Promise<Uint8Array | undefined> {
  let method = "unknown";
  try {
    const call = unwrapInvoke(session.record, decodeRequest(body));
    method = call.request._;
    for (const id of call.afterMsgIds) await session.running.get(id)?.done;
    const record = session.record;
    if (record.expiresAt !== undefined && record.boundPermKeyId === undefined && !ALLOWED_UNBOUND.has(method)) {
      throw new RpcError(401, "AUTH_KEY_PERM_EMPTY");
    }
    for (const fault of deps.faults.take(method)) {
      if (fault.kind === "rpcError") throw new RpcError(fault.code, fault.message);
      if (fault.kind === "delay") await sleep(fault.ms);
      if (fault.kind === "disconnect") {
        // A loss before processing: the client learns nothing (no ack, state "unknown") and resends.
        session.forget(msgId);
        session.link?.close();
        return undefined;
      }
    }
    if (method === "auth.bindTempAuthKey") {
      const bound = bindTempAuthKey(deps.crypto, (id) => deps.findKey(id), session, msgId, call.request as auth.RawBindTempAuthKeyRequest);
      return encodeResult(bound);
    }
    const handler = deps.handlers.get(method) ?? deps.handlers.fallback;
    if (handler === undefined) throw new RpcError(400, "METHOD_NOT_IMPLEMENTED");
    const result = await handler(call.request, contextFor(deps, session, msgId, call.withoutUpdates));
    return encodeResult(result);
  } catch (error) {
    if (error instanceof RpcError) return reply.rpcError(error.code, error.errorMessage);
    deps.onHandlerError(error, method);
    return reply.rpcError(500, "INTERNAL_SERVER_ERROR");
  }
}

function decodeRequest(body: Uint8Array): TlObject {
  try {
    return decodeObject(apiRegistry, body) as TlObject;
  } catch {
    throw new RpcError(400, "INPUT_METHOD_INVALID");
  }
}

/** Objects are boxed with their constructor, booleans become Bool, arrays Vector (tl-core `untyped`). */
function encodeResult(result: unknown): Uint8Array {
  if (result instanceof Uint8Array) return result;
  const writer = new TlWriter(apiRegistry);
  writer.untyped(result);
  return writer.finish();
}

function contextFor(deps: DispatcherDeps, session: ServerSession, msgId: bigint, withoutUpdates: boolean): RpcContext {
  const record = session.record;
  return {
    dcId: deps.dcId,
    layer: record.layer,
    authKeyId: record.authKey.idLong,
    sessionId: session.id,
    msgId,
    isTempKey: record.expiresAt !== undefined,
    permAuthKeyId: record.expiresAt === undefined ? record.authKey.idLong : record.boundPermKeyId,
    client: record.client,
    withoutUpdates,
    pushUpdates: (updates) => {
      session.send({ body: encodeResult(updates), contentRelated: true, isResponse: false });
    },
  };
}
