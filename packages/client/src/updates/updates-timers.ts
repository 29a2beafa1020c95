/**
 * The engine's only timers: the gap deadline (the earliest open gap's wait is over), the idle
 * check (no update for a long time: https://core.telegram.org/api/updates says to fetch the
 * difference then) and the retry of a failed fetch with a growing delay. Timers are unref'd where
 * the platform allows, so an idle client does not keep a Node process alive.
 */
export interface UpdatesTimersOptions {
  readonly now: () => number;
  readonly idleMs: number;
  readonly nextGapDeadline: () => number | undefined;
  readonly onGap: () => void;
  readonly onIdle: () => void;
  readonly onRetry: () => void;
}

const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 60_000;

type Handle = ReturnType<typeof setTimeout>;

export class UpdatesTimers {
  #gap: { readonly handle: Handle; readonly at: number } | undefined;
  #idle: Handle | undefined;
  #retry: Handle | undefined;
  #retries = 0;
  #lastActivity = 0;
  #stopped = true;

  constructor(private readonly options: UpdatesTimersOptions) {}

  /** Something arrived: the idle clock restarts (checked lazily, no timer reset per update). */
  touch(): void {
    this.#lastActivity = this.options.now();
  }

  startIdle(): void {
    this.#stopped = false;
    this.touch();
    this.#armIdle(this.options.idleMs);
  }

  /** (Re)arms the gap timer for the earliest open gap, if any. */
  armGap(): void {
    const deadline = this.#stopped ? undefined : this.options.nextGapDeadline();
    if (deadline === undefined) {
      if (this.#gap !== undefined) clearTimeout(this.#gap.handle);
      this.#gap = undefined;
      return;
    }
    if (this.#gap !== undefined && this.#gap.at <= deadline) return;
    if (this.#gap !== undefined) clearTimeout(this.#gap.handle);
    const handle = unref(
      setTimeout(
        () => {
          this.#gap = undefined;
          this.options.onGap();
          this.armGap();
        },
        Math.max(0, deadline - this.options.now()),
      ),
    );
    this.#gap = { handle, at: deadline };
  }

  retryLater(): void {
    if (this.#stopped || this.#retry !== undefined) return;
    const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** this.#retries);
    this.#retries++;
    this.#retry = unref(
      setTimeout(() => {
        this.#retry = undefined;
        this.options.onRetry();
      }, delay),
    );
  }

  succeeded(): void {
    this.#retries = 0;
  }

  stopAll(): void {
    this.#stopped = true;
    if (this.#gap !== undefined) clearTimeout(this.#gap.handle);
    if (this.#idle !== undefined) clearTimeout(this.#idle);
    if (this.#retry !== undefined) clearTimeout(this.#retry);
    this.#gap = undefined;
    this.#idle = undefined;
    this.#retry = undefined;
  }

  #armIdle(delay: number): void {
    if (this.#idle !== undefined) clearTimeout(this.#idle);
    this.#idle = unref(
      setTimeout(() => {
        this.#idle = undefined;
        if (this.#stopped) return;
        const quiet = this.options.now() - this.#lastActivity;
        if (quiet >= this.options.idleMs) {
          this.touch();
          this.options.onIdle();
          this.#armIdle(this.options.idleMs);
        } else {
          this.#armIdle(this.options.idleMs - quiet);
        }
      }, delay),
    );
  }
}

function unref(handle: Handle): Handle {
  (handle as { unref?: () => void }).unref?.();
  return handle;
}
