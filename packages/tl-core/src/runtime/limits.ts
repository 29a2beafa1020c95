/** Deepest nesting of boxed objects read or written; real Telegram objects stay far below it. */
export const MAX_DEPTH = 64;
