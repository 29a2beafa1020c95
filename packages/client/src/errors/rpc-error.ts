import type { KnownRpcErrorName } from "../generated/known-rpc-errors.js";
import { classifyRpcError, type RpcErrorClass, type RpcErrorKind } from "./classify-rpc-error.js";
import { parseRpcErrorMessage } from "./parse-rpc-error-message.js";

/** A known error name, or any other string Telegram may send (autocompletes the known ones). */
export type RpcErrorName = KnownRpcErrorName | (string & Record<never, never>);

/**
 * An `rpc_error` returned by the server (https://core.telegram.org/api/errors).
 * `name` is the error name with its number stripped (`FLOOD_WAIT`), so the stack reads
 * `FLOOD_WAIT: FLOOD_WAIT_30 (420) in messages.sendMessage`.
 */
export class RpcError extends Error {
  /** Stripped error name, e.g. `FLOOD_WAIT`, `FILE_MIGRATE`, `PEER_ID_INVALID`. */
  override readonly name: RpcErrorName;
  /** The numeric `error_code` (303, 400, 401, 403, 406, 420, 500, -503...). */
  readonly code: number;
  /** The number in the message: seconds to wait, DC id, file part... */
  readonly argument: number | undefined;
  /** The `error_message` exactly as the server sent it. */
  readonly rawMessage: string;
  /** The method that failed, when known (`messages.sendMessage`). */
  readonly method: string | undefined;
  /** What to do about it; see {@link classifyRpcError}. */
  readonly classification: RpcErrorClass;

  constructor(code: number, rawMessage: string, method?: string) {
    const parsed = parseRpcErrorMessage(rawMessage);
    super(`${rawMessage} (${code})${method === undefined ? "" : ` in ${method}`}`);
    this.name = parsed.name;
    this.code = code;
    this.argument = parsed.argument;
    this.rawMessage = rawMessage;
    this.method = method;
    this.classification = classifyRpcError(code, parsed.name, parsed.argument);
  }

  /** Builds the error from an `rpc_error` TL object (`@mtkit/tl-core/mtproto` shape). */
  static fromTl(object: { readonly errorCode: number; readonly errorMessage: string }, method?: string): RpcError {
    return new RpcError(object.errorCode, object.errorMessage, method);
  }

  get kind(): RpcErrorKind {
    return this.classification.kind;
  }

  /** `err.is("FLOOD_WAIT")`: name check with autocompletion of the known names. */
  is(...names: readonly RpcErrorName[]): boolean {
    return names.includes(this.name);
  }
}

export function isRpcError(value: unknown, ...names: readonly RpcErrorName[]): value is RpcError {
  return value instanceof RpcError && (names.length === 0 || value.is(...names));
}
