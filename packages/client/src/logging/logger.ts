/**
 * Where the client writes what it did on its own. Any object with these four methods works:
 * `console`, pino, winston, or `createConsoleLogger()` below (which adds a level filter and a prefix).
 */
export interface ClientLogger {
  error(message: string, data?: unknown): void;
  warn(message: string, data?: unknown): void;
  info(message: string, data?: unknown): void;
  debug(message: string, data?: unknown): void;
}

export type LogLevel = keyof ClientLogger;

/** Most severe first; a logger at level L writes L and everything before it. */
export const LOG_LEVELS: readonly LogLevel[] = ["error", "warn", "info", "debug"];

export interface ConsoleLoggerOptions {
  /** Default "warn": flood waits, dead connections, rejected packets and errors. */
  readonly level?: LogLevel | "silent";
  /** Put before every line, e.g. "[bot]" when several clients share one process. */
  readonly prefix?: string;
  /** Default: the global `console`. */
  readonly sink?: Pick<Console, LogLevel>;
  /** Clock for the timestamps (ms); injected by tests. */
  readonly now?: () => number;
}

const noop = (): void => undefined;

/** A level-filtered logger writing to `console` (or `sink`) with a timestamp and an optional prefix. */
export function createConsoleLogger(options: ConsoleLoggerOptions = {}): ClientLogger {
  const threshold = options.level === "silent" ? -1 : LOG_LEVELS.indexOf(options.level ?? "warn");
  const sink = options.sink ?? console;
  const prefix = options.prefix === undefined ? "" : `${options.prefix} `;
  const now = options.now ?? Date.now;
  const method = (level: LogLevel): ((message: string, data?: unknown) => void) => {
    if (LOG_LEVELS.indexOf(level) > threshold) return noop;
    return (message, data) => {
      const line = `${new Date(now()).toISOString()} ${level.toUpperCase().padEnd(5)} ${prefix}${message}`;
      if (data === undefined) sink[level](line);
      else sink[level](line, data);
    };
  };
  return { error: method("error"), warn: method("warn"), info: method("info"), debug: method("debug") };
}
