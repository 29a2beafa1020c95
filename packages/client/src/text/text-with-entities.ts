import type { TypeMessageEntity } from "@mtkit/tl-core/api";

/**
 * Text and its formatting, as Telegram sends and stores it: offsets and lengths count UTF-16 code
 * units (https://core.telegram.org/api/entities#entity-length), which is what JavaScript string
 * indices already count, so `text.slice(offset, offset + length)` is the entity's text.
 */
export interface TextWithEntities {
  readonly text: string;
  readonly entities: readonly TypeMessageEntity[];
}

/** What text-taking methods accept: a plain string (sent as it is) or text with entities. */
export type InputText = string | TextWithEntities;

export function isTextWithEntities(value: unknown): value is TextWithEntities {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { text?: unknown }).text === "string" &&
    Array.isArray((value as { entities?: unknown }).entities)
  );
}

/** Entities in the order Telegram expects: by offset, an enclosing entity before the ones it contains. */
export function sortEntities(entities: readonly TypeMessageEntity[]): TypeMessageEntity[] {
  return [...entities].sort((a, b) => a.offset - b.offset || b.length - a.length);
}

/** `entities` moved right by `by` code units (a piece of text placed after `by` others). */
export function shiftEntities(entities: readonly TypeMessageEntity[], by: number): TypeMessageEntity[] {
  return by === 0 ? [...entities] : entities.map((entity) => ({ ...entity, offset: entity.offset + by }));
}
