import type { Message } from "../messages/message.js";
import type { Filter } from "./filter.js";

/** A bot command found at the start of a message (https://core.telegram.org/bots/features#commands). */
export interface ParsedCommand {
  /** Lower case, without the prefix or the @mention: "start". */
  readonly name: string;
  /** The `@botname` part, when the command named one. */
  readonly mention: string | null;
  /** Everything after the command, trimmed. */
  readonly argsText: string;
  /** `argsText` split on whitespace. */
  readonly args: readonly string[];
}

export interface CommandFilterOptions {
  /** Characters that start a command. Default "/". */
  readonly prefixes?: string;
}

// Command names: 1-32 letters, digits and underscores; usernames: 3-32 (https://core.telegram.org/api/bots/commands).
const COMMAND = /^(\w{1,32})(?:@(\w{3,32}))?(?=\s|$)/;

export function parseCommand(text: string, prefixes = "/"): ParsedCommand | null {
  if (text === "" || !prefixes.includes(text[0] ?? "")) return null;
  const match = COMMAND.exec(text.slice(1));
  if (match === null) return null;
  const argsText = text.slice(1 + match[0].length).trim();
  return {
    name: (match[1] ?? "").toLowerCase(),
    mention: match[2]?.toLowerCase() ?? null,
    argsText,
    args: argsText === "" ? [] : argsText.split(/\s+/),
  };
}

/**
 * Messages that start with one of these commands; the parsed command is attached as `command`.
 * `/start@otherbot` is skipped when this account's usernames are known and do not include it, so
 * bots sharing a group only answer their own commands.
 */
export function command(
  names: string | readonly string[],
  options: CommandFilterOptions = {},
): Filter<Message, { readonly command: ParsedCommand }> {
  const wanted = new Set((typeof names === "string" ? [names] : names).map((name) => name.toLowerCase()));
  return async (message, context) => {
    const parsed = parseCommand(message.text, options.prefixes);
    if (parsed === null || !wanted.has(parsed.name)) return false;
    if (parsed.mention !== null) {
      const self = await context.self();
      if (self !== null && self.usernames.length > 0 && !self.usernames.includes(parsed.mention)) return false;
    }
    return { command: parsed };
  };
}
