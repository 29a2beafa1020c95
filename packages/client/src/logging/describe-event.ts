import type { ClientEvent } from "../client/options.js";
import type { LogLevel } from "./logger.js";
import { describeUpdatesEvent } from "./describe-updates-event.js";

/** How one client event reads in a log, or undefined for events that are data, not news (updates). */
export function describeClientEvent(
  event: ClientEvent,
): { readonly level: LogLevel; readonly message: string } | undefined {
  switch (event.type) {
    case "wait":
      return {
        level: "warn",
        message: `${event.method ?? "request"}: ${event.error.rawMessage}, retrying in ${event.delayMs} ms`,
      };
    case "give_up":
      return {
        level: "warn",
        message: `${event.method ?? "request"}: ${event.error.rawMessage}, not retried (${event.reason})`,
      };
    case "auth_key_created":
      return {
        level: "info",
        message: `DC ${event.dcId}: new ${event.temporary ? "temporary" : "permanent"} auth key`,
      };
    case "temp_key_bound":
      return {
        level: "debug",
        message: `DC ${event.dcId}: temporary key bound until ${new Date(event.expiresAt * 1000).toISOString()}`,
      };
    case "migrate":
      return {
        level: "info",
        message: `${event.error}: ${event.scope === "home" ? "home DC is now" : "request goes to"} DC ${event.toDc} (from DC ${event.fromDc})`,
      };
    case "authorization_imported":
      return { level: "info", message: `DC ${event.dcId}: authorization imported` };
    case "connection_lost":
      return {
        level: "warn",
        message: `DC ${event.dcId}${event.media ? " media" : ""}: connection lost (${event.reason}), reconnecting; unanswered requests are resent`,
      };
    case "connection_suspect":
      return {
        level: "info",
        message: `DC ${event.dcId}${event.media ? " media" : ""}: timers ran ${event.lateMs} ms late (sleep or clock jump), checking the connection`,
      };
    case "packet_rejected":
      return {
        level: "warn",
        message: `DC ${event.dcId}${event.media ? " media" : ""}: dropped an incoming packet (${event.code})`,
      };
    case "update":
      return undefined;
    case "new_session":
      return {
        level: "debug",
        message: `DC ${event.dcId}${event.media ? " media" : ""}: the server opened a new session`,
      };
    default:
      return describeUpdatesEvent(event);
  }
}
