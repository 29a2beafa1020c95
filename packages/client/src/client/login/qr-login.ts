import type { auth_TypeAuthorization, auth_TypeLoginToken, TypeUser } from "@mtkit/tl-core/api";
import { RpcError } from "../../errors/rpc-error.js";
import type { Invoke } from "../../messages/context.js";
import { encodeBase64Url } from "../../storage/string-session/base64url.js";

/** What QR login needs from the client. */
export interface QrLoginHost {
  readonly apiId: number;
  readonly apiHash: string;
  readonly invoke: Invoke;
  /** Resolves at the next updateLoginToken the server pushes (https://core.telegram.org/constructor/updateLoginToken). */
  nextLoginTokenUpdate(signal: AbortSignal): Promise<void>;
  /** The account lives on another DC: continue there (loginTokenMigrateTo). */
  moveHome(dcId: number): Promise<void>;
  /** Stores who we are now; returns the user. */
  authorized(authorization: auth_TypeAuthorization): Promise<TypeUser>;
  /** Two-step verification after the scan (SESSION_PASSWORD_NEEDED). */
  checkPassword(password: string): Promise<TypeUser>;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Unix seconds. */
  now(): number;
}

export interface QrLoginOptions {
  /** Show this as a QR code (`tg://login?token=...`); called again with a new token before each one expires. */
  readonly onToken: (url: string, expiresAt: number) => void | Promise<void>;
  /** Asked when the account has a 2FA password. */
  readonly password?: () => string | Promise<string>;
  /** User ids already logged in on this device (they may not scan again). */
  readonly exceptIds?: readonly bigint[];
  readonly signal?: AbortSignal;
}

export class QrLoginError extends Error {
  override readonly name = "QrLoginError";
  constructor(
    readonly code: "PASSWORD_NEEDED" | "TOO_MANY_MIGRATIONS",
    message: string,
  ) {
    super(message);
  }
}

const NEVER = new AbortController().signal;

/**
 * QR-code login (https://core.telegram.org/api/qr-login): auth.exportLoginToken gives a token to
 * show as `tg://login?token=<base64url>`; a logged-in app scans it and calls auth.acceptLoginToken;
 * the server pushes updateLoginToken; exporting again then answers loginTokenSuccess, or
 * loginTokenMigrateTo when the account lives on another DC, where auth.importLoginToken finishes.
 * A token that expires unscanned is replaced by a new one.
 */
export async function loginWithQr(host: QrLoginHost, options: QrLoginOptions): Promise<TypeUser> {
  const signal = options.signal ?? NEVER;
  const invokeOptions = options.signal === undefined ? {} : { signal: options.signal };
  try {
    for (;;) {
      const token = await host.invoke(
        {
          _: "auth.exportLoginToken",
          apiId: host.apiId,
          apiHash: host.apiHash,
          exceptIds: [...(options.exceptIds ?? [])],
        },
        invokeOptions,
      );
      const done = await settle(host, token, invokeOptions);
      if (done !== null) return done;
      if (token._ !== "auth.loginToken") continue;
      await options.onToken(`tg://login?token=${encodeBase64Url(token.token)}`, token.expires);
      // Whichever first: the scan (then export again to learn the outcome) or the expiry (a new token).
      const scan = new AbortController();
      const stop = (): void => {
        scan.abort();
      };
      signal.addEventListener("abort", stop, { once: true });
      try {
        await Promise.race([
          host.nextLoginTokenUpdate(scan.signal),
          host.sleep(Math.max(1, token.expires - host.now()) * 1000, scan.signal),
        ]);
      } finally {
        scan.abort();
        signal.removeEventListener("abort", stop);
      }
      signal.throwIfAborted();
    }
  } catch (error) {
    if (!(error instanceof RpcError) || error.name !== "SESSION_PASSWORD_NEEDED") throw error;
    if (options.password === undefined)
      throw new QrLoginError("PASSWORD_NEEDED", "the account has a 2FA password: pass `password` to loginWithQr");
    return host.checkPassword(await options.password());
  }
}

/** A finished login from an export or import answer, following at most one migration. */
async function settle(
  host: QrLoginHost,
  token: auth_TypeLoginToken,
  invokeOptions: { signal?: AbortSignal },
): Promise<TypeUser | null> {
  let answer = token;
  for (let hop = 0; answer._ === "auth.loginTokenMigrateTo"; hop++) {
    if (hop >= 2) throw new QrLoginError("TOO_MANY_MIGRATIONS", "the server kept moving the QR login between DCs");
    await host.moveHome(answer.dcId);
    answer = await host.invoke({ _: "auth.importLoginToken", token: answer.token }, invokeOptions);
  }
  return answer._ === "auth.loginTokenSuccess" ? host.authorized(answer.authorization) : null;
}
