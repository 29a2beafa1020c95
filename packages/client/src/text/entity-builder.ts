import type { TypeMessageEntity } from "@mtkit/tl-core/api";
import { isTextWithEntities, shiftEntities, sortEntities, type TextWithEntities } from "./text-with-entities.js";
import { TextParseError } from "./text-parse-error.js";

/** An entity without its position, filled in when its span closes. */
export type EntityShape = TypeMessageEntity extends infer E
  ? E extends TypeMessageEntity
    ? Omit<E, "offset" | "length">
    : never
  : never;

interface OpenSpan {
  readonly key: string;
  readonly start: number;
  readonly markupPosition: number;
  shape: EntityShape | null;
}

/**
 * Accumulates text and entities while a markup parser walks its input. Spans nest; each `close`
 * must match the innermost `open` (as Telegram's own parsers require). Empty spans make no entity.
 */
export class EntityBuilder {
  #text = "";
  readonly #entities: TypeMessageEntity[] = [];
  readonly #open: OpenSpan[] = [];

  get length(): number {
    return this.#text.length;
  }

  get lastChar(): string | undefined {
    return this.#text.at(-1);
  }

  get innermost(): string | undefined {
    return this.#open.at(-1)?.key;
  }

  isOpen(key: string): boolean {
    return this.#open.some((span) => span.key === key);
  }

  append(text: string): void {
    this.#text += text;
  }

  /** Text that already has its entities (an interpolated `{ text, entities }`): kept as is. */
  appendFormatted(value: TextWithEntities): void {
    this.#entities.push(...shiftEntities(value.entities, this.#text.length));
    this.#text += value.text;
  }

  /** `shape` null: a span that makes no entity (a tag that only groups, e.g. `<code>` inside `<pre>`). */
  open(key: string, shape: EntityShape | null, markupPosition: number): void {
    this.#open.push({ key, start: this.#text.length, markupPosition, shape });
  }

  /** Changes what the innermost open span makes (`<pre><code class="language-ts">` names the pre's language). */
  amendInnermost(shape: EntityShape): void {
    const span = this.#open.at(-1);
    if (span !== undefined) span.shape = shape;
  }

  close(key: string, markupPosition: number): void {
    const span = this.#open.at(-1);
    if (span?.key !== key) {
      throw new TextParseError(
        "UNEXPECTED_CLOSE",
        markupPosition,
        span === undefined ? `closing ${key} that is not open` : `closing ${key} while ${span.key} is open`,
      );
    }
    this.#open.pop();
    const length = this.#text.length - span.start;
    if (span.shape !== null && length > 0) this.#entities.push({ ...span.shape, offset: span.start, length });
  }

  finish(): TextWithEntities {
    const unclosed = this.#open.at(-1);
    if (unclosed !== undefined)
      throw new TextParseError("UNCLOSED", unclosed.markupPosition, `${unclosed.key} is never closed`);
    return { text: this.#text, entities: sortEntities(this.#entities) };
  }
}

/** Markup split around interpolated values: strings are markup, objects are already formatted. */
export type MarkupPieces = readonly (string | TextWithEntities)[];

/**
 * Tagged-template arguments to pieces. A value that is text with entities stays formatted (its own
 * piece); anything else is escaped into the surrounding markup, so it can sit inside an attribute
 * (`<a href="${url}">`) and never turns into markup itself.
 */
export function templatePieces(
  strings: TemplateStringsArray,
  values: readonly unknown[],
  escape: (text: string) => string,
): (string | TextWithEntities)[] {
  const pieces: (string | TextWithEntities)[] = [];
  let markup = "";
  strings.forEach((literal, index) => {
    markup += literal;
    if (index >= values.length) return;
    const value = values[index];
    if (isTextWithEntities(value)) {
      pieces.push(markup, value);
      markup = "";
    } else {
      markup += escape(String(value));
    }
  });
  pieces.push(markup);
  return pieces;
}
