import { TextParseError } from "./text-parse-error.js";

export interface HtmlTag {
  readonly name: string;
  readonly closing: boolean;
  readonly selfClosing: boolean;
  readonly attributes: ReadonlyMap<string, string>;
  /** Index just past the `>`. */
  readonly end: number;
}

const NAME = /^<(\/?)([a-zA-Z][\w-]*)/;
const ATTRIBUTE = /^\s+([a-zA-Z][\w-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/;
const NAMED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * Reads the tag starting at `start` (which holds `<`), or returns null when the `<` starts no tag
 * (`a < b`, `<3`): then it is plain text. A tag that starts but never ends is an error.
 */
export function parseHtmlTag(markup: string, start: number, base: number): HtmlTag | null {
  const rest = markup.slice(start, start + 4096);
  const head = NAME.exec(rest);
  if (head === null) return null;
  const closing = head[1] === "/";
  const name = (head[2] ?? "").toLowerCase();
  const attributes = new Map<string, string>();
  let index = head[0].length;
  for (;;) {
    const attribute = closing ? null : ATTRIBUTE.exec(rest.slice(index));
    if (attribute === null) break;
    const value = attribute[2] ?? attribute[3] ?? attribute[4] ?? "";
    attributes.set(
      (attribute[1] ?? "").toLowerCase(),
      value.replace(/&(lt|gt|amp|quot|apos);/g, (_m, n: string) => NAMED[n] ?? ""),
    );
    index += attribute[0].length;
  }
  const tail = /^\s*(\/?)>/.exec(rest.slice(index));
  if (tail === null)
    throw new TextParseError("BAD_ATTRIBUTE", base + start, `<${closing ? "/" : ""}${name}> is not closed with ">"`);
  return { name, closing, selfClosing: tail[1] === "/", attributes, end: start + index + tail[0].length };
}
