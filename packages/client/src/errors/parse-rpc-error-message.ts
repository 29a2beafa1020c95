import { PARAMETERISED_RPC_ERRORS } from "../generated/known-rpc-errors.js";

/** An `rpc_error.error_message` split into its name and its number, if it carries one. */
export interface ParsedRpcErrorMessage {
  /** The message with the number taken out: `FLOOD_WAIT_30` -> `FLOOD_WAIT`, `FILE_PART_7_MISSING` -> `FILE_PART_MISSING`. */
  readonly name: string;
  /** The number the message carries (seconds, a DC id, a part index...), or undefined. */
  readonly argument: number | undefined;
}

// Telegram sends at most 2^31-1 for any of these; longer digit runs are not a number we trust.
const MAX_DIGITS = 10;

function parseDigits(text: string): number | undefined {
  if (text.length === 0 || text.length > MAX_DIGITS || !/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value <= 0x7fffffff ? value : undefined;
}

/**
 * Splits an error message into name and argument.
 * Known templates (generated from the error list) win; otherwise a trailing `_<digits>` is the
 * argument, as in every `X` error on https://core.telegram.org/api/errors.
 */
export function parseRpcErrorMessage(message: string): ParsedRpcErrorMessage {
  for (const [name, prefix, suffix] of PARAMETERISED_RPC_ERRORS) {
    if (message.length <= prefix.length + suffix.length) continue;
    if (!message.startsWith(prefix) || !message.endsWith(suffix)) continue;
    const argument = parseDigits(message.slice(prefix.length, message.length - suffix.length));
    if (argument !== undefined) return { name, argument };
  }
  const trailing = /^(.+)_(\d+)$/.exec(message);
  if (trailing !== null) {
    const argument = parseDigits(trailing[2] ?? "");
    if (argument !== undefined) return { name: trailing[1] ?? message, argument };
  }
  return { name: message, argument: undefined };
}
