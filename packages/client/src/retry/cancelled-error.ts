/** Thrown when a request is stopped before it finished: by `disconnect()` or by the caller's AbortSignal. */
export class CancelledError extends Error {
  override readonly name = "CancelledError";
  /** `DISCONNECTED`: the client's lifetime ended; `ABORTED`: the caller's signal fired. */
  readonly code: "DISCONNECTED" | "ABORTED";
  readonly reason: unknown;

  constructor(code: "DISCONNECTED" | "ABORTED", reason?: unknown) {
    super(code === "DISCONNECTED" ? "the client was disconnected" : "the request was aborted");
    this.code = code;
    this.reason = reason;
  }
}
