/**
 * What the client should do about an RPC error, from https://core.telegram.org/api/errors:
 * 303 SEE_OTHER -> migrate, 420 FLOOD (and SLOWMODE_WAIT_X) -> wait, 401 -> unauthorized,
 * 500 / -500 / -503 (a server-side timeout seen in practice) -> retry later, anything else -> fatal.
 */
export type RpcErrorClass =
  | {
      readonly kind: "migrate";
      readonly dcId: number;
      /** `home`: PHONE/NETWORK/USER_MIGRATE move the account's home DC; `request`: FILE/STATS_MIGRATE repeat one request there. */
      readonly scope: "home" | "request";
    }
  | { readonly kind: "flood"; readonly waitSeconds: number; readonly premium: boolean }
  | { readonly kind: "unauthorized"; readonly loggedOut: boolean }
  | { readonly kind: "retryable" }
  | { readonly kind: "fatal" };

export type RpcErrorKind = RpcErrorClass["kind"];

const HOME_MIGRATIONS = new Set(["PHONE_MIGRATE", "NETWORK_MIGRATE", "USER_MIGRATE"]);

// SLOWMODE_WAIT_X is a 400, but it is a wait like FLOOD_WAIT_X: https://core.telegram.org/method/messages.sendMessage
const WAITS_OUTSIDE_420 = new Set(["SLOWMODE_WAIT"]);

// https://core.telegram.org/api/errors#401-unauthorized: these mean the authorization is gone.
const LOGGED_OUT = new Set([
  "AUTH_KEY_UNREGISTERED",
  "AUTH_KEY_INVALID",
  "USER_DEACTIVATED",
  "USER_DEACTIVATED_BAN",
  "SESSION_REVOKED",
  "SESSION_EXPIRED",
]);

const RETRYABLE_CODES = new Set([500, -500, -503]);

export function classifyRpcError(code: number, name: string, argument: number | undefined): RpcErrorClass {
  if (code === 303 && argument !== undefined && name.endsWith("_MIGRATE")) {
    return { kind: "migrate", dcId: argument, scope: HOME_MIGRATIONS.has(name) ? "home" : "request" };
  }
  if (argument !== undefined && (code === 420 || WAITS_OUTSIDE_420.has(name))) {
    return { kind: "flood", waitSeconds: argument, premium: name === "FLOOD_PREMIUM_WAIT" };
  }
  if (code === 401) return { kind: "unauthorized", loggedOut: LOGGED_OUT.has(name) };
  if (RETRYABLE_CODES.has(code)) return { kind: "retryable" };
  return { kind: "fatal" };
}
