/** One HTTP request waiting for its answer, as the link sees it (no `node:` types). */
export interface Responder {
  /** False once answered or once the client gave up on it (socket closed). */
  readonly open: boolean;
  /** 200 with `body` (may be empty). */
  answer(body: Uint8Array): void;
  /** An error status without a body (404, 429, ...). */
  fail(httpStatus: number): void;
}
