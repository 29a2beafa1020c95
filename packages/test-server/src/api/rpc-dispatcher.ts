import type { TlObject } from "@mtkit/tl-core";
import type { ServerSession } from "@mtkit/session";
import type { FaultKnobs } from "../faults/fault-knobs.js";
import type { KeyInfo } from "./client-info.js";
import type { HandlerRegistry } from "./handler-registry.js";
import type { RpcContext } from "./rpc-context.js";
import { RpcError } from "./rpc-error.js";
import { encodeForLayer } from "./layer-writers.js";
import { unwrapInvoke } from "./unwrap-invoke.js";

export interface DispatcherDeps {
  readonly dcId: number;
  readonly handlers: HandlerRegistry;
  readonly faults: FaultKnobs;
  /** Layer and client app of an auth key (mutable: the wrappers update it). */
  keyInfo(authKeyId: bigint): KeyInfo;
  /** Sends what the session queued over its current connection (or keeps it for the next one). */
  deliver(session: ServerSession): void;
  /** Closes the session's current connection (fault knob). */
  disconnect(session: ServerSession): void;
  /** A client announced this layer (invokeWithLayer); the server logs a fallback once. */
  onLayer(layer: number): void;
  /** An unexpected (non-RpcError) exception escaped a handler; the client gets 500. */
  onHandlerError(error: unknown, method: string): void;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls in flight per session, so invokeAfterMsg(s) can wait for the calls it names. */
const inFlight = new WeakMap<ServerSession, Map<bigint, Promise<void>>>();

/**
 * Runs one API call from session's `request` event: peels the invoke wrappers, applies fault
 * knobs, runs the handler and answers with rpc_result or rpc_error.
 */
export function dispatchRequest(
  deps: DispatcherDeps,
  session: ServerSession,
  reqMsgId: bigint,
  request: TlObject,
): void {
  let calls = inFlight.get(session);
  if (calls === undefined) {
    calls = new Map();
    inFlight.set(session, calls);
  }
  const running = calls;
  const done = answer(deps, session, reqMsgId, request).finally(() => {
    running.delete(reqMsgId);
    deps.deliver(session);
  });
  running.set(reqMsgId, done);
}

async function answer(deps: DispatcherDeps, session: ServerSession, reqMsgId: bigint, outer: TlObject): Promise<void> {
  let method = outer._;
  try {
    const info = deps.keyInfo(session.keyRecord.authKey.idLong);
    const call = unwrapInvoke(info, outer);
    method = call.request._;
    if (info.layer !== undefined) deps.onLayer(info.layer);
    for (const id of call.afterMsgIds) await inFlight.get(session)?.get(id);
    for (const fault of deps.faults.take(method)) {
      if (fault.kind === "rpcError") throw new RpcError(fault.code, fault.message);
      if (fault.kind === "delay") await sleep(fault.ms);
      // The answer is still computed and waits in the session for the client's next connection.
      if (fault.kind === "disconnect") deps.disconnect(session);
    }
    const handler = deps.handlers.get(method) ?? deps.handlers.fallback;
    if (handler === undefined) throw new RpcError(400, "METHOD_NOT_IMPLEMENTED");
    const result = await handler(call.request, contextFor(deps, session, reqMsgId, call.withoutUpdates));
    session.sendRawResult(reqMsgId, encodeResult(result, info.layer, method));
  } catch (error) {
    if (error instanceof RpcError) {
      session.sendError(reqMsgId, error.code, error.errorMessage);
      return;
    }
    deps.onHandlerError(error, method);
    session.sendError(reqMsgId, 500, "INTERNAL_SERVER_ERROR");
  }
}

/**
 * Objects are boxed with their constructor, booleans become Bool, arrays Vector (tl-core `untyped`),
 * in the API layer the client announced (`layer`; undefined: the generated one, 228), as the answer
 * to `method` where given (a method whose result type changed answers in the older type).
 */
export function encodeResult(result: unknown, layer?: number, method?: string): Uint8Array {
  if (result instanceof Uint8Array) return result;
  return encodeForLayer(result, layer, method);
}

function contextFor(deps: DispatcherDeps, session: ServerSession, msgId: bigint, withoutUpdates: boolean): RpcContext {
  const record = session.keyRecord;
  const info = deps.keyInfo(record.authKey.idLong);
  return {
    dcId: deps.dcId,
    layer: info.layer,
    authKeyId: record.authKey.idLong,
    sessionId: session.sessionId,
    msgId,
    isTempKey: record.expiresAt !== undefined,
    permAuthKeyId: record.expiresAt === undefined ? record.authKey.idLong : record.boundPermKeyId,
    client: info.client,
    withoutUpdates,
    pushUpdates: (updates) => {
      session.queue(encodeResult(updates, info.layer), true, false);
      deps.deliver(session);
    },
  };
}
