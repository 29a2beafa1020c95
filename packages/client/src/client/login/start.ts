import type { RawUser } from "@mtkit/tl-core/api";
import { isRpcError } from "../../errors/rpc-error.js";
import type { LoginClient } from "./login-client.js";
import { SignUpRequiredError } from "./authorization.js";
import { signInBot } from "./bot-login.js";
import { checkPassword } from "./password-login.js";
import { sendCode, signIn, signUp } from "./phone-login.js";

/** What `start()` asks for, only when it needs it. Each may be a value or a (possibly async) callback. */
export interface StartParams {
  readonly botToken?: string | (() => string | Promise<string>);
  readonly phone?: string | (() => string | Promise<string>);
  readonly code?: () => string | Promise<string>;
  readonly password?: string | ((hint: string | undefined) => string | Promise<string>);
  /** For a number without an account. */
  readonly firstName?: string | (() => string | Promise<string>);
  readonly lastName?: string;
}

async function ask<A extends unknown[]>(
  value: string | ((...args: A) => string | Promise<string>) | undefined,
  what: string,
  ...args: A
): Promise<string> {
  if (value === undefined) throw new TypeError(`start() needs ${what}`);
  return typeof value === "string" ? value : await value(...args);
}

/**
 * Connects and logs in if needed: keeps a valid session, else bot token, else phone + code
 * (+ sign-up, + 2FA password). Returns the logged-in user.
 */
export async function start(client: LoginClient, params: StartParams): Promise<RawUser> {
  await client.connect();
  const me = await client.getMe().catch((error: unknown) => {
    if (isRpcError(error) && error.code === 401) return undefined;
    throw error;
  });
  if (me !== undefined) {
    // connect() began loading the update state; start() resolves once it is known.
    await client.updates.started();
    return me;
  }
  if (params.botToken !== undefined) return signInBot(client, await ask(params.botToken, "a bot token"));
  const sent = await sendCode(client, await ask(params.phone, "a phone number"));
  try {
    return await signIn(client, sent, await ask(params.code, "the login code"));
  } catch (error) {
    if (error instanceof SignUpRequiredError)
      return signUp(client, sent, await ask(params.firstName, "a first name for the new account"), params.lastName);
    if (!isRpcError(error, "SESSION_PASSWORD_NEEDED")) throw error;
  }
  const hint = (await client.invoke({ _: "account.getPassword" })).hint;
  return checkPassword(client, await ask(params.password, "the 2FA password", hint));
}
