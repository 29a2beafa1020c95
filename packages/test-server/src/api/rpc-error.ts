/**
 * Thrown by a handler to answer with rpc_error (https://core.telegram.org/api/errors), e.g.
 * `throw new RpcError(420, "FLOOD_WAIT_5")` or `throw new RpcError(303, "USER_MIGRATE_2")`.
 */
export class RpcError extends Error {
  override readonly name = "RpcError";
  constructor(
    readonly code: number,
    readonly errorMessage: string,
  ) {
    super(`${code} ${errorMessage}`);
  }
}
