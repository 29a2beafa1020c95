/**
 * The DH prime and generator of secret chats, from messages.getDhConfig
 * (https://core.telegram.org/api/end-to-end#sending-a-request): verified once per `version`
 * (2048-bit safe prime, generator with the residue rule) and cached, so later calls pass the
 * known version and the server answers messages.dhConfigNotModified with fresh randomness only.
 */
import { bigIntFromBytes, checkDhParams, type CryptoProvider, DhCheckError } from "@mtkit/mtproto-crypto";
import type { messages } from "@mtkit/tl-core/api";
import { SecretChatProtocolError } from "./secret-chat-error.js";

export interface DhParams {
  readonly version: number;
  readonly p: bigint;
  readonly g: number;
}

export interface DhConfigWithRandom {
  readonly params: DhParams;
  /** The server's random bytes, XORed into our own when making an exponent. */
  readonly random: Uint8Array;
}

export class DhConfigCache {
  #params: DhParams | undefined;

  constructor(
    private readonly crypto: CryptoProvider,
    initial?: DhParams,
  ) {
    this.#params = initial;
  }

  /** The version to send as messages.getDhConfig's `version` (0 when nothing is cached). */
  get version(): number {
    return this.#params?.version ?? 0;
  }

  get params(): DhParams | undefined {
    return this.#params;
  }

  /** Checks (when new) and caches the answer of messages.getDhConfig; throws DH_CONFIG_INVALID. */
  apply(answer: messages.TypeDhConfig): DhConfigWithRandom {
    if (answer._ === "messages.dhConfigNotModified") {
      if (this.#params === undefined)
        throw new SecretChatProtocolError("DH_CONFIG_INVALID", "dhConfigNotModified with nothing cached");
      return { params: this.#params, random: answer.random };
    }
    const p = bigIntFromBytes(answer.p);
    const cached = this.#params;
    if (cached?.version !== answer.version || cached.p !== p || cached.g !== answer.g) {
      try {
        checkDhParams(this.crypto, p, answer.g);
      } catch (error) {
        if (error instanceof DhCheckError)
          throw new SecretChatProtocolError("DH_CONFIG_INVALID", `getDhConfig: ${error.message}`);
        throw error;
      }
      this.#params = { version: answer.version, p, g: answer.g };
    }
    return { params: this.#params ?? { version: answer.version, p, g: answer.g }, random: answer.random };
  }
}
