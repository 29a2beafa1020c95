import type { RpcMethods } from "@mtkit/tl-core/api";
import type { RpcContext } from "./rpc-context.js";

export type MethodName = keyof RpcMethods;

/**
 * A handler answers one API method: return the result (a TL object typed by tl-core's `RpcMethods`,
 * or raw TL bytes for layer-specific encodings) or throw `RpcError`.
 */
export type RpcHandler<M extends MethodName> = (
  request: RpcMethods[M]["request"],
  ctx: RpcContext,
) => RpcMethods[M]["result"] | Uint8Array | Promise<RpcMethods[M]["result"] | Uint8Array>;

/** Called for methods without a handler; the default answers 400 METHOD_NOT_IMPLEMENTED. */
export type FallbackHandler = (request: { readonly _: string }, ctx: RpcContext) => unknown;

type AnyHandler = (request: never, ctx: RpcContext) => unknown;

/** Handlers keyed by method name; registering again replaces the previous handler. */
export class HandlerRegistry {
  private readonly handlers = new Map<string, AnyHandler>();
  fallback: FallbackHandler | undefined;

  set<M extends MethodName>(method: M, handler: RpcHandler<M>): void {
    this.handlers.set(method, handler);
  }

  delete(method: MethodName): void {
    this.handlers.delete(method);
  }

  get(method: string): ((request: { readonly _: string }, ctx: RpcContext) => unknown) | undefined {
    return this.handlers.get(method) as ((request: { readonly _: string }, ctx: RpcContext) => unknown) | undefined;
  }
}
