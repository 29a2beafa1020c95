/** The server answered with something the method cannot use (a sent message missing from its Updates...). */
export class UnexpectedAnswerError extends Error {
  override readonly name = "UnexpectedAnswerError";
  readonly code = "UNEXPECTED_ANSWER";
  constructor(
    readonly method: string,
    readonly detail: string,
  ) {
    super(`${method}: ${detail}`);
  }
}
