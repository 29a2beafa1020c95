/** What a filter may look at besides the event. */
export interface FilterContext {
  /** This account (id and usernames), once logged in; looked up once per batch when a filter asks. */
  self(): Promise<SelfRef | null>;
}

export interface SelfRef {
  readonly id: number;
  readonly usernames: readonly string[];
}

export type MaybePromise<T> = T | Promise<T>;

/**
 * Decides whether a handler sees an event: `false` skips it, `true` passes it, an object passes it
 * with those fields added (`command("start")` adds `command`). `Add` is what the handler's argument
 * gains in its type, so filters narrow: after `chatType("private")`, `event.chatType` is `"private"`.
 */
export type Filter<In, Add extends object = object> = (
  event: In,
  context: FilterContext,
) => MaybePromise<boolean | Add>;

/** The event with a filter's additions applied (a new object: events are shared between handlers). */
export function applyFilterResult<T extends object>(event: T, result: boolean | object): T | null {
  if (result === false) return null;
  if (result === true) return event;
  return { ...event, ...result };
}
