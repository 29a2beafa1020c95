// TODO(move to session): server-side message ids (session's msg-id clock is client-only so far).

/**
 * Server message ids (https://core.telegram.org/mtproto/description#message-identifier-msg-id):
 * about unixtime * 2^32, strictly increasing, ≡ 1 mod 4 for responses to a client message and
 * ≡ 3 mod 4 otherwise.
 */
export class ServerMsgIds {
  private last = 0n;

  constructor(private readonly nowMs: () => number) {}

  next(isResponse: boolean): bigint {
    const ms = this.nowMs();
    const seconds = BigInt(Math.floor(ms / 1000));
    const fraction = BigInt(Math.floor(((ms % 1000) / 1000) * 2 ** 32));
    let id = (seconds << 32n) | (fraction & ~3n);
    if (id <= this.last) id = (this.last & ~3n) + 4n;
    id |= isResponse ? 1n : 3n;
    this.last = id;
    return id;
  }
}
