import { EntityBuilder, templatePieces, type EntityShape, type MarkupPieces } from "./entity-builder.js";
import { TextParseError } from "./text-parse-error.js";
import type { TextWithEntities } from "./text-with-entities.js";
import { parseHtmlTag, type HtmlTag } from "./html-tag.js";

/**
 * Telegram's HTML style (https://core.telegram.org/bots/api#html-style): b/strong, i/em, u/ins,
 * s/strike/del, tg-spoiler or span class="tg-spoiler", a href (tg://user?id=N is a mention by id),
 * code, pre (language from `<pre language="x">` or an inner `<code class="language-x">`),
 * blockquote [expandable], tg-emoji emoji-id, br. Named entities &lt; &gt; &amp; &quot; and every
 * numeric one. Whitespace is kept as written. A `<` that does not start a tag and an `&` that does not
 * start an entity are plain text; a tag we do not know, an unclosed or mismatched tag is a `TextParseError`.
 */
export function parseHtml(markup: string | MarkupPieces): TextWithEntities {
  const builder = new EntityBuilder();
  let base = 0;
  for (const piece of typeof markup === "string" ? [markup] : markup) {
    if (typeof piece === "string") {
      parsePiece(piece, base, builder);
      base += piece.length;
    } else {
      builder.appendFormatted(piece);
    }
  }
  return builder.finish();
}

/** The `html` tagged template: interpolated strings are escaped, interpolated `{ text, entities }` kept. */
export function html(strings: TemplateStringsArray, ...values: readonly unknown[]): TextWithEntities {
  return parseHtml(templatePieces(strings, values, escapeHtml));
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const NAMED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'", nbsp: "\u00a0" };
const ENTITY = /^&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([a-z]{2,4}));/;

function parsePiece(piece: string, base: number, builder: EntityBuilder): void {
  let index = 0;
  let plainFrom = 0;
  const flush = (to: number): void => {
    if (to > plainFrom) builder.append(piece.slice(plainFrom, to));
  };
  while (index < piece.length) {
    const char = piece[index];
    if (char === "<") {
      const tag = parseHtmlTag(piece, index, base);
      if (tag !== null) {
        flush(index);
        applyTag(tag, builder, base + index);
        index = tag.end;
        plainFrom = index;
        continue;
      }
    } else if (char === "&") {
      const decoded = decodeEntity(piece.slice(index, index + 12));
      if (decoded !== null) {
        flush(index);
        builder.append(decoded.text);
        index += decoded.length;
        plainFrom = index;
        continue;
      }
    }
    index += 1;
  }
  flush(piece.length);
}

function decodeEntity(text: string): { text: string; length: number } | null {
  const match = ENTITY.exec(text);
  if (match === null) return null;
  const [whole, decimal, hex, name] = match;
  if (name !== undefined) {
    const named = NAMED[name];
    return named === undefined ? null : { text: named, length: whole.length };
  }
  const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? "", 16);
  // Lone surrogates and values beyond Unicode are not characters.
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
  return { text: String.fromCodePoint(code), length: whole.length };
}

const SIMPLE: Readonly<Record<string, EntityShape["_"]>> = {
  b: "messageEntityBold",
  strong: "messageEntityBold",
  i: "messageEntityItalic",
  em: "messageEntityItalic",
  u: "messageEntityUnderline",
  ins: "messageEntityUnderline",
  s: "messageEntityStrike",
  strike: "messageEntityStrike",
  del: "messageEntityStrike",
  "tg-spoiler": "messageEntitySpoiler",
};

function applyTag(tag: HtmlTag, builder: EntityBuilder, position: number): void {
  if (tag.name === "br") {
    builder.append("\n");
    return;
  }
  if (tag.closing) {
    builder.close(tag.name, position);
    return;
  }
  builder.open(tag.name, shapeOf(tag, builder, position), position);
  if (tag.selfClosing) builder.close(tag.name, position);
}

function shapeOf(tag: HtmlTag, builder: EntityBuilder, position: number): EntityShape | null {
  const simple = SIMPLE[tag.name];
  if (simple !== undefined) return { _: simple } as EntityShape;
  switch (tag.name) {
    case "span":
      if (tag.attributes.get("class") === "tg-spoiler") return { _: "messageEntitySpoiler" };
      throw new TextParseError("UNKNOWN_TAG", position, 'only <span class="tg-spoiler"> is supported');
    case "code": {
      const language = /^language-(.+)$/.exec(tag.attributes.get("class") ?? "")?.[1];
      if (builder.innermost !== "pre") return { _: "messageEntityCode" };
      if (language !== undefined) builder.amendInnermost({ _: "messageEntityPre", language });
      return null;
    }
    case "pre":
      return { _: "messageEntityPre", language: tag.attributes.get("language") ?? "" };
    case "blockquote":
      return tag.attributes.has("expandable")
        ? { _: "messageEntityBlockquote", collapsed: true }
        : { _: "messageEntityBlockquote" };
    case "a":
      return linkShape(tag.attributes.get("href"), position);
    case "tg-emoji": {
      const id = tag.attributes.get("emoji-id") ?? "";
      if (!/^-?\d{1,20}$/.test(id))
        throw new TextParseError("BAD_ATTRIBUTE", position, "<tg-emoji> needs a numeric emoji-id");
      return { _: "messageEntityCustomEmoji", documentId: BigInt.asIntN(64, BigInt(id)) };
    }
    default:
      throw new TextParseError("UNKNOWN_TAG", position, `<${tag.name}> is not a Telegram formatting tag`);
  }
}

/** `tg://user?id=N` mentions a user by id (https://core.telegram.org/api/links#user-links); other hrefs are text links. */
export function linkShape(href: string | undefined, position: number): EntityShape {
  if (href === undefined || href === "") throw new TextParseError("BAD_LINK", position, "a link needs an href");
  const mention = /^tg:\/\/user\?id=(\d{1,20})$/.exec(href);
  if (mention !== null) return { _: "messageEntityMentionName", userId: BigInt(mention[1] ?? "0") };
  return { _: "messageEntityTextUrl", url: href };
}
