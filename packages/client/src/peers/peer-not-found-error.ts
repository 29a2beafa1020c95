/** One step the resolver took, so the error can say exactly what was tried. */
export interface PeerLookupAttempt {
  readonly source: "input" | "cache" | "server";
  readonly lookup: "id" | "username" | "phone" | "object";
  readonly detail: string;
  /** `missing`: not found; `min_only`: only seen as a min object (no usable access hash); `skipped`: no server lookup configured. */
  readonly outcome: "invalid" | "missing" | "min_only" | "skipped" | "error";
}

/**
 * Thrown when a peer cannot be turned into an input peer. Unlike the bare "could not find the
 * input entity" of other libraries, it lists every lookup that was tried and why it failed.
 */
export class PeerNotFoundError extends Error {
  override readonly name = "PeerNotFoundError";
  readonly code = "PEER_NOT_FOUND";
  /** What the caller asked for, as text (`@durov`, `-1001234`, `+15550100`). */
  readonly query: string;
  readonly attempts: readonly PeerLookupAttempt[];

  constructor(query: string, attempts: readonly PeerLookupAttempt[], options?: { cause?: unknown }) {
    const tried = attempts.map((a) => `${a.source} ${a.lookup}: ${a.detail} -> ${a.outcome}`).join("; ");
    super(
      `could not resolve peer ${query} (${tried}). The client only knows peers it has seen in a response: ` +
        "fetch them first (dialogs, the message that mentions them, contacts.resolveUsername) or pass a @username.",
      options,
    );
    this.query = query;
    this.attempts = attempts;
  }
}

/** The peer exists but is of another kind than the method needs (a channel where a user goes). */
export class PeerKindError extends Error {
  override readonly name = "PeerKindError";
  readonly code = "WRONG_PEER_KIND";
  readonly expected: string;
  readonly actual: string;

  constructor(expected: string, actual: string) {
    super(`expected a ${expected} peer, got ${actual}`);
    this.expected = expected;
    this.actual = actual;
  }
}
