import type { TempKeySlot } from "./types.js";

/** A storage problem the caller can act on. */
export class StorageError extends Error {
  override readonly name = "StorageError";
  /** `BACKEND_MISSING`: the storage's library is not installed (better-sqlite3 for SqliteStorage). */
  readonly code: "BAD_AUTH_KEY" | "BAD_VALUE" | "CLOSED" | "SCHEMA_TOO_NEW" | "BACKEND_FAILED" | "BACKEND_MISSING";

  constructor(code: StorageError["code"], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/**
 * Another process (or another client in this one) has the session open. Telegram would answer the
 * second user of one auth key with AUTH_KEY_DUPLICATED and kill the key
 * (https://core.telegram.org/api/errors#406-not-acceptable), so we refuse before connecting.
 */
export class SessionLockedError extends Error {
  override readonly name = "SessionLockedError";
  readonly code = "SESSION_LOCKED";
  readonly path: string;

  constructor(path: string, options?: { cause?: unknown }) {
    super(
      `session ${path} is in use by another client (process or connection); ` +
        "close it first, or give each process its own session (using one auth key twice ends in AUTH_KEY_DUPLICATED)",
      options,
    );
    this.path = path;
  }
}

/** Auth keys are always 2048 bits: https://core.telegram.org/mtproto/auth_key */
export const AUTH_KEY_LENGTH = 256;

export function checkAuthKey(key: Uint8Array): void {
  if (key.length !== AUTH_KEY_LENGTH) {
    throw new StorageError("BAD_AUTH_KEY", `an auth key is ${AUTH_KEY_LENGTH} bytes, got ${key.length}`);
  }
}

export function checkDcId(dcId: number): void {
  if (!Number.isInteger(dcId) || dcId <= 0 || dcId > 0xffff) {
    throw new StorageError("BAD_VALUE", `a DC id is a positive 16-bit integer, got ${dcId}`);
  }
}

/** Checked at runtime too: a slot typo from plain JavaScript must not create a third key nobody reads. */
export function checkTempKeySlot(slot: unknown): asserts slot is TempKeySlot {
  if (slot !== "main" && slot !== "media") {
    throw new StorageError("BAD_VALUE", `a temp key slot is "main" or "media", got ${String(slot)}`);
  }
}
