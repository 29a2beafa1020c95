import { EntityBuilder, templatePieces, type EntityShape, type MarkupPieces } from "./entity-builder.js";
import { linkShape } from "./html.js";
import { TextParseError } from "./text-parse-error.js";
import type { TextWithEntities } from "./text-with-entities.js";

/**
 * Telegram's MarkdownV2 style (https://core.telegram.org/bots/api#markdownv2-style): *bold*,
 * _italic_, __underline__, ~strike~, ||spoiler||, `code`, ```lang\npre```, [text](url),
 * [name](tg://user?id=N), ![👍](tg://emoji?id=N), `>` quoted lines. A backslash escapes the next
 * ASCII punctuation character. Unlike the Bot API, other reserved characters (`.`, `-`, `!` ...)
 * need no escaping: only the markers above are special. A marker left open is a `TextParseError`.
 */
export function parseMarkdown(markup: string | MarkupPieces): TextWithEntities {
  const builder = new EntityBuilder();
  let base = 0;
  for (const piece of typeof markup === "string" ? [markup] : markup) {
    if (typeof piece === "string") {
      new MarkdownPiece(piece, base, builder).run();
      base += piece.length;
    } else {
      builder.appendFormatted(piece);
    }
  }
  if (builder.innermost === "blockquote") builder.close("blockquote", base);
  return builder.finish();
}

/** The `md` tagged template: interpolated strings are escaped, interpolated `{ text, entities }` kept. */
export function md(strings: TemplateStringsArray, ...values: readonly unknown[]): TextWithEntities {
  return parseMarkdown(templatePieces(strings, values, escapeMarkdown));
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[_*[\]()~`>#+\-=|{}.!\\]/g, "\\$&");
}

const ESCAPABLE = /[!-/:-@[-`{-~]/;
const TOGGLES: readonly (readonly [string, EntityShape])[] = [
  ["||", { _: "messageEntitySpoiler" }],
  ["__", { _: "messageEntityUnderline" }],
  ["*", { _: "messageEntityBold" }],
  ["_", { _: "messageEntityItalic" }],
  ["~", { _: "messageEntityStrike" }],
];

class MarkdownPiece {
  #index = 0;
  constructor(
    private readonly piece: string,
    private readonly base: number,
    private readonly builder: EntityBuilder,
  ) {}

  run(): void {
    const { piece, builder } = this;
    while (this.#index < piece.length) {
      const at = this.#index;
      const char = piece[at] ?? "";
      const lineStart = builder.length === 0 || builder.lastChar === "\n";
      if (char === "\\" && ESCAPABLE.test(piece[at + 1] ?? "")) {
        builder.append(piece[at + 1] ?? "");
        this.#index += 2;
      } else if (char === ">" && lineStart) {
        if (builder.innermost !== "blockquote")
          builder.open("blockquote", { _: "messageEntityBlockquote" }, this.base + at);
        this.#index += piece[at + 1] === " " ? 2 : 1;
      } else if (char === "\n" && builder.innermost === "blockquote" && piece[at + 1] !== ">") {
        builder.close("blockquote", this.base + at);
        builder.append("\n");
        this.#index += 1;
      } else if (piece.startsWith("```", at)) {
        this.#pre();
      } else if (char === "`") {
        this.#code();
      } else if (char === "[" || (char === "!" && piece[at + 1] === "[")) {
        builder.open(char === "!" ? "emoji" : "link", null, this.base + at);
        this.#index += char === "!" ? 2 : 1;
      } else if (char === "]" && (builder.innermost === "link" || builder.innermost === "emoji")) {
        this.#linkEnd();
      } else if (!this.#toggle()) {
        builder.append(char);
        this.#index += 1;
      }
    }
  }

  #toggle(): boolean {
    for (const [marker, shape] of TOGGLES) {
      if (!this.piece.startsWith(marker, this.#index)) continue;
      const position = this.base + this.#index;
      if (this.builder.isOpen(marker)) this.builder.close(marker, position);
      else this.builder.open(marker, shape, position);
      this.#index += marker.length;
      return true;
    }
    return false;
  }

  /** Text up to the unescaped `terminator`; only `\\` and the terminator's first character can be escaped. */
  #verbatim(from: number, terminator: string, what: string): string {
    const escapable = terminator[0] ?? "";
    let text = "";
    let index = from;
    while (!this.piece.startsWith(terminator, index)) {
      if (index >= this.piece.length) throw new TextParseError("UNCLOSED", this.base + from, `${what} is never closed`);
      const char = this.piece[index] ?? "";
      if (char === "\\" && (this.piece[index + 1] === escapable || this.piece[index + 1] === "\\")) {
        text += this.piece[index + 1] ?? "";
        index += 2;
      } else {
        text += char;
        index += 1;
      }
    }
    this.#index = index + terminator.length;
    return text;
  }

  #code(): void {
    const position = this.base + this.#index;
    const text = this.#verbatim(this.#index + 1, "`", "`code`");
    this.builder.open("`", { _: "messageEntityCode" }, position);
    this.builder.append(text);
    this.builder.close("`", position);
  }

  #pre(): void {
    const position = this.base + this.#index;
    const body = this.#verbatim(this.#index + 3, "```", "```pre```");
    const newline = body.indexOf("\n");
    const firstLine = newline === -1 ? "" : body.slice(0, newline);
    // ```ts\ncode``` names a language; a first line with spaces is code, not a language.
    const hasLanguage = newline !== -1 && /^[\w+#.-]+$/.test(firstLine);
    this.builder.open("```", { _: "messageEntityPre", language: hasLanguage ? firstLine : "" }, position);
    this.builder.append(hasLanguage ? body.slice(newline + 1) : body.startsWith("\n") ? body.slice(1) : body);
    this.builder.close("```", position);
  }

  #linkEnd(): void {
    const kind = this.builder.innermost ?? "link";
    const position = this.base + this.#index;
    if (this.piece[this.#index + 1] !== "(")
      throw new TextParseError("BAD_LINK", position, "[text] must be followed by (url)");
    const url = this.#verbatim(this.#index + 2, ")", "(url)");
    if (kind === "emoji") {
      const id = /^tg:\/\/emoji\?id=(-?\d{1,20})$/.exec(url)?.[1];
      if (id === undefined)
        throw new TextParseError("BAD_LINK", position, "![emoji](tg://emoji?id=N) needs a numeric id");
      this.builder.amendInnermost({ _: "messageEntityCustomEmoji", documentId: BigInt.asIntN(64, BigInt(id)) });
    } else {
      this.builder.amendInnermost(linkShape(url, position));
    }
    this.builder.close(kind, position);
  }
}
