import type { TypeMessageEntity } from "@mtkit/tl-core/api";
import { parseHtml } from "./html.js";
import { parseMarkdown } from "./markdown.js";
import { sortEntities, type InputText, type TextWithEntities } from "./text-with-entities.js";

/** How a plain string is read. There is no default: a string without `parseMode` is sent as written. */
export type ParseMode = "html" | "markdown";

/**
 * What a send or edit puts on the wire. `parseMode` applies to a plain string only; `entities`
 * passed separately are added to (and sorted with) whatever the text brought.
 */
export function toTextWithEntities(
  input: InputText,
  parseMode?: ParseMode,
  extra: readonly TypeMessageEntity[] = [],
): TextWithEntities {
  const parsed =
    typeof input !== "string"
      ? input
      : parseMode === "html"
        ? parseHtml(input)
        : parseMode === "markdown"
          ? parseMarkdown(input)
          : { text: input, entities: [] };
  return extra.length === 0 ? parsed : { text: parsed.text, entities: sortEntities([...parsed.entities, ...extra]) };
}
