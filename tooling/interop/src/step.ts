/** A named step failed or ran out of time: the name says which scenario step and which library. */
export class StepError extends Error {
  override readonly name = "StepError";
  constructor(
    readonly step: string,
    readonly code: "TIMEOUT" | "FAILED",
    options?: { cause?: unknown },
  ) {
    super(`${step}: ${code === "TIMEOUT" ? "timed out" : "failed"}`, options);
  }
}

/**
 * Runs one scenario step with a deadline. Every await on a peer goes through here so a peer that
 * never answers fails the test with the step's name instead of hanging until vitest's timeout.
 */
export async function step<T>(name: string, timeoutMs: number, body: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new StepError(name, "TIMEOUT"));
    }, timeoutMs);
  });
  try {
    return await Promise.race([body(), deadline]);
  } catch (error) {
    if (error instanceof StepError) throw error;
    throw new StepError(name, "FAILED", { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
