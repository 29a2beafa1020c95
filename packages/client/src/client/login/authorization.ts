import type { auth_TypeAuthorization, RawUser } from "@mtkit/tl-core/api";
import type { LoginClient } from "./login-client.js";

/** Thrown when auth.signIn says the phone has no account yet and no sign-up data was given. */
export class SignUpRequiredError extends Error {
  readonly code = "SIGN_UP_REQUIRED";
  constructor(readonly phone: string) {
    super(`${phone} has no Telegram account yet: call signUp() with a first name`);
  }
}

/** Records who we are now (storage `session.setSelf`) and returns the user. */
export async function completeAuthorization(
  client: LoginClient,
  authorization: auth_TypeAuthorization,
  phone: string,
): Promise<RawUser> {
  if (authorization._ === "auth.authorizationSignUpRequired") throw new SignUpRequiredError(phone);
  const user = authorization.user;
  if (user._ !== "user") throw new TypeError("the server authorized an empty user");
  await client.storage.session.setSelf({ userId: user.id, isBot: user.bot === true });
  // Logged in now: the updates engine takes its starting state (updates.getState) before the login
  // resolves, so an app that stops at once still resumes from here next time.
  await client.updates.start();
  return user;
}
