/**
 * The crypto provider: every primitive on MTProto's per-message hot path, synchronous on purpose
 * (async WebCrypto costs more than the work itself for 1 KiB messages).
 *
 * Two implementations pass one conformance suite: `portable` (@noble/*, BigInt, no `node:` imports)
 * and `node` (node:crypto where it is faster). Everything above this package (transports, session,
 * client) takes a `CryptoProvider` by injection and never imports node:crypto itself.
 */

/** A stateful AES-256-CTR keystream: successive calls continue the same stream (obfuscation). */
export interface AesCtr {
  /** Encrypts or decrypts (the same operation) and returns a new array of the same length. */
  process(data: Uint8Array): Uint8Array;
  /**
   * Optional: the same transform written over `data` itself, continuing the same stream, for
   * callers that own a freshly built buffer (a framed packet): saves an allocation and a copy.
   * Present in the portable streams and the Node AES-NI stream, absent when node:crypto's own
   * cipher runs (its `update` always allocates).
   */
  processInPlace?(data: Uint8Array): void;
}

export interface CryptoProvider {
  /** Short name for logs and benchmarks, e.g. "portable" or "node". */
  readonly name: string;

  sha1(data: Uint8Array): Uint8Array;
  sha256(data: Uint8Array): Uint8Array;
  sha512(data: Uint8Array): Uint8Array;
  md5(data: Uint8Array): Uint8Array;
  hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array;
  pbkdf2Sha512(password: Uint8Array, salt: Uint8Array, iterations: number, length: number): Uint8Array;

  /** AES-256-IGE; `data.length` must be a multiple of 16. `iv` is 32 bytes. Returns new bytes. */
  aesIgeEncrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array;
  aesIgeDecrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array;

  /** A new AES-256-CTR stream (key 32 bytes, iv 16 bytes). */
  createAesCtr(key: Uint8Array, iv: Uint8Array): AesCtr;

  /** base^exp mod m for non-negative bigints. */
  modPow(base: bigint, exp: bigint, mod: bigint): bigint;

  /** Fills `out` with cryptographically secure random bytes and returns it. */
  randomFill(out: Uint8Array): Uint8Array;
}
