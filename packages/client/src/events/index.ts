export {
  UpdateDispatcher,
  type UpdateDispatcherOptions,
  type UpdateErrorHandler,
  type UpdateHandler,
} from "./update-dispatcher.js";
export type { IterUpdatesOptions } from "./update-stream.js";
export type { DeletedMessages, RawUpdateEvent, UpdateEventMap, UpdateEventName } from "./update-events.js";
export type { Filter, FilterContext, MaybePromise, SelfRef } from "./filter.js";
export { and, not, or } from "./combinators.js";
export { chatId, chatType, hasText, incoming, outgoing, regex, senderId } from "./message-filters.js";
export { command, parseCommand, type CommandFilterOptions, type ParsedCommand } from "./command-filter.js";
