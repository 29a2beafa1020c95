import type { RpcMethods } from "@mtkit/tl-core/api";

/**
 * The result type of a request, from the API's `RpcMethods` map. Wrapper methods whose result is
 * their generic `!X` query (invokeWithLayer, initConnection, invokeWithoutUpdates, invokeAfterMsg,
 * ...) resolve to the result of the wrapped `query`, so
 * `invoke(invokeWithLayer(initConnection(help.getConfig)))` is a Config.
 */
export type ResultOf<R> = R extends { readonly _: infer K }
  ? K extends keyof RpcMethods
    ? unknown extends RpcMethods[K]["result"]
      ? R extends { readonly query: infer Q }
        ? ResultOf<Q>
        : unknown
      : RpcMethods[K]["result"]
    : unknown
  : unknown;
