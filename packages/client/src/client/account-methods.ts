import type { CryptoProvider } from "@mtkit/mtproto-crypto";
import type { RawUser, RpcMethods, users_TypeUserFull } from "@mtkit/tl-core/api";
import type { PeerRef } from "../peers/parse-peer-ref.js";
import type { PeerCache } from "../peers/peer-cache.js";
import type { TlInputPeer } from "../peers/tl-peer-types.js";
import type { ClientStorage } from "../storage/types.js";
import type { UpdatesEngine } from "../updates/updates-engine.js";
import { FileMethods } from "./file-methods.js";
import { signInBot } from "./login/bot-login.js";
import { checkPassword } from "./login/password-login.js";
import { sendCode, signIn, signUp, type SentCode } from "./login/phone-login.js";
import { start, type StartParams } from "./login/start.js";
import type { InvokeOptions } from "./request-runner.js";

/**
 * Login (https://core.telegram.org/api/auth), log-out and who is who, each a delegation to
 * `login/` or the peer cache. The abstract members are what `TelegramClient` provides.
 */
export abstract class AccountMethods extends FileMethods {
  abstract readonly storage: ClientStorage;
  abstract readonly peers: PeerCache;
  abstract readonly updates: UpdatesEngine;
  abstract get apiId(): number;
  abstract get apiHash(): string;
  abstract get crypto(): CryptoProvider;
  abstract connect(): Promise<void>;
  abstract disconnect(): Promise<void>;
  abstract invoke<M extends keyof RpcMethods>(
    request: RpcMethods[M]["request"] & { readonly _: M },
    options?: InvokeOptions,
  ): Promise<RpcMethods[M]["result"]>;

  /** Connects, then logs in only if the stored session is not authorized; asks through `params` for what it needs. */
  start(params: StartParams): Promise<RawUser> {
    return start(this, params);
  }

  signInBot(botToken: string): Promise<RawUser> {
    return signInBot(this, botToken);
  }

  sendCode(phone: string): Promise<SentCode> {
    return sendCode(this, phone);
  }

  signIn(sent: SentCode, code: string): Promise<RawUser> {
    return signIn(this, sent, code);
  }

  signUp(sent: SentCode, firstName: string, lastName?: string): Promise<RawUser> {
    return signUp(this, sent, firstName, lastName);
  }

  checkPassword(password: string): Promise<RawUser> {
    return checkPassword(this, password);
  }

  /** auth.logOut, then forgets every key of this session (the next login starts from scratch). */
  async logOut(): Promise<void> {
    await this.invoke({ _: "auth.logOut" });
    await this.disconnect();
    await this.updates.forget();
    await this.storage.authKeys.clear();
    await this.storage.session.setSelf(null);
    await this.storage.session.setHomeDc(null);
  }

  /** The logged-in user (users.getUsers([inputUserSelf])); 401 AUTH_KEY_UNREGISTERED when not logged in. */
  async getMe(): Promise<RawUser> {
    const [me] = await this.invoke({ _: "users.getUsers", id: [{ _: "inputUserSelf" }] });
    if (me?._ !== "user") throw new TypeError("users.getUsers returned no user for inputUserSelf");
    return me;
  }

  /** id (Bot API style), `@username`, `+phone`, t.me link, `"me"`, or any TL peer object, to an InputPeer. */
  resolvePeer(ref: PeerRef, signal?: AbortSignal): Promise<TlInputPeer> {
    return this.peers.resolvePeer(ref, signal);
  }

  /** users.getFullUser for any user reference. */
  async getFullUser(ref: PeerRef): Promise<users_TypeUserFull> {
    const id = await this.peers.resolveUser(ref);
    return this.invoke({ _: "users.getFullUser", id });
  }
}
