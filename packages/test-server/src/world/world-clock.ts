/** What the world takes from outside: time and randomness (injected, so tests control both). */
export interface WorldEnv {
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  /** A random non-negative 63-bit integer (access hashes, ids nobody must guess). */
  readonly randomLong: () => bigint;
}

export const seconds = (env: WorldEnv): number => Math.floor(env.now() / 1000);
