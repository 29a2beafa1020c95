import type { Filter } from "./filter.js";

/**
 * Passes when every filter passes, with all their additions; stops at the first that fails.
 * TypeScript narrows the handler's argument from a composed filter held in a `const`; written inline
 * after the handler (`on(name, handler, and(...))`) it infers the filter too late and narrows nothing.
 */
export function and<In, A extends object, B extends object>(a: Filter<In, A>, b: Filter<In, B>): Filter<In, A & B>;
export function and<In, A extends object, B extends object, C extends object>(
  a: Filter<In, A>,
  b: Filter<In, B>,
  c: Filter<In, C>,
): Filter<In, A & B & C>;
export function and<In, A extends object, B extends object, C extends object, D extends object>(
  a: Filter<In, A>,
  b: Filter<In, B>,
  c: Filter<In, C>,
  d: Filter<In, D>,
): Filter<In, A & B & C & D>;
export function and<In>(...filters: readonly Filter<In>[]): Filter<In>;
export function and<In>(...filters: readonly Filter<In>[]): Filter<In> {
  return async (event, context) => {
    let added: object = {};
    for (const filter of filters) {
      const result = await filter(event, context);
      if (result === false) return false;
      if (result !== true) added = { ...added, ...result };
    }
    return added;
  };
}

/** Passes when any filter passes, with the additions of the first that did. */
export function or<In, A extends object, B extends object>(a: Filter<In, A>, b: Filter<In, B>): Filter<In, A | B>;
export function or<In, A extends object, B extends object, C extends object>(
  a: Filter<In, A>,
  b: Filter<In, B>,
  c: Filter<In, C>,
): Filter<In, A | B | C>;
export function or<In>(...filters: readonly Filter<In>[]): Filter<In>;
export function or<In>(...filters: readonly Filter<In>[]): Filter<In> {
  return async (event, context) => {
    for (const filter of filters) {
      const result = await filter(event, context);
      if (result !== false) return result;
    }
    return false;
  };
}

/** Passes when `filter` fails (its additions, if any, are dropped). */
export function not<In>(filter: Filter<In>): Filter<In> {
  return async (event, context) => (await filter(event, context)) === false;
}
