import type { UpdatesEvent } from "../updates/updates-events.js";
import type { LogLevel } from "./logger.js";

/** How an event of the updates engine reads in a log. */
export function describeUpdatesEvent(event: UpdatesEvent): { readonly level: LogLevel; readonly message: string } {
  switch (event.type) {
    case "updates_fetch":
      return { level: "debug", message: `updates: fetching the difference of ${boxName(event.box)} (${event.reason})` };
    case "updates_caught_up":
      return {
        level: "debug",
        message: `updates: ${boxName(event.box)} caught up, ${event.updates} updates in ${event.slices} answers`,
      };
    case "updates_too_long":
      return {
        level: "warn",
        message: `updates: the gap of ${boxName(event.box)} is too long to replay; refetch what you show from there`,
      };
    case "updates_problem":
      return { level: "warn", message: `updates: ${event.problem.code}: ${event.problem.message}` };
  }
}

function boxName(box: "pts" | "qts" | "seq" | bigint): string {
  return typeof box === "bigint" ? `channel ${box}` : "the account";
}
