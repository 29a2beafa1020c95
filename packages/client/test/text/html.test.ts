import { describe, expect, it } from "vitest";
import { html, parseHtml, TextParseError } from "../../src/text/index.js";

describe("parseHtml", () => {
  it("turns tags into entities with UTF-16 offsets", () => {
    // 👍 is two UTF-16 code units, so "bold" starts at 3, not 2.
    const parsed = parseHtml("👍 <b>bold</b> and <i>it</i>");
    expect(parsed.text).toBe("👍 bold and it");
    expect(parsed.entities).toEqual([
      { _: "messageEntityBold", offset: 3, length: 4 },
      { _: "messageEntityItalic", offset: 12, length: 2 },
    ]);
    expect(parsed.text.slice(3, 7)).toBe("bold");
  });

  it("counts emoji inside an entity in its length", () => {
    const parsed = parseHtml("<u>a👨‍👩‍👧b</u>");
    expect(parsed.entities).toEqual([{ _: "messageEntityUnderline", offset: 0, length: "a👨‍👩‍👧b".length }]);
    expect(parsed.entities[0]?.length).toBe(10);
  });

  it("knows every Telegram tag and its aliases", () => {
    const parsed = parseHtml(
      '<strong>1</strong><em>2</em><ins>3</ins><strike>4</strike><del>5</del><s>6</s><tg-spoiler>7</tg-spoiler><span class="tg-spoiler">8</span><code>9</code>',
    );
    expect(parsed.text).toBe("123456789");
    expect(parsed.entities.map((e) => e._)).toEqual([
      "messageEntityBold",
      "messageEntityItalic",
      "messageEntityUnderline",
      "messageEntityStrike",
      "messageEntityStrike",
      "messageEntityStrike",
      "messageEntitySpoiler",
      "messageEntitySpoiler",
      "messageEntityCode",
    ]);
  });

  it("nests: the outer entity comes first", () => {
    const parsed = parseHtml("<b>bold <i>both</i></b>");
    expect(parsed.entities).toEqual([
      { _: "messageEntityBold", offset: 0, length: 9 },
      { _: "messageEntityItalic", offset: 5, length: 4 },
    ]);
  });

  it("reads pre languages from the attribute or an inner code class", () => {
    expect(parseHtml('<pre><code class="language-ts">let x = 1;</code></pre>')).toEqual({
      text: "let x = 1;",
      entities: [{ _: "messageEntityPre", offset: 0, length: 10, language: "ts" }],
    });
    expect(parseHtml('<pre language="py">x</pre>').entities).toEqual([
      { _: "messageEntityPre", offset: 0, length: 1, language: "py" },
    ]);
    expect(parseHtml("<pre>x</pre>").entities).toEqual([{ _: "messageEntityPre", offset: 0, length: 1, language: "" }]);
  });

  it("links, mentions by id, custom emoji and quotes", () => {
    const parsed = parseHtml(
      '<a href="https://t.me/x?a=1&amp;b=2">link</a> <a href="tg://user?id=42">Bob</a> <tg-emoji emoji-id="5368324170671202286">👍</tg-emoji> <blockquote expandable>q</blockquote>',
    );
    expect(parsed.text).toBe("link Bob 👍 q");
    expect(parsed.entities).toEqual([
      { _: "messageEntityTextUrl", offset: 0, length: 4, url: "https://t.me/x?a=1&b=2" },
      { _: "messageEntityMentionName", offset: 5, length: 3, userId: 42n },
      { _: "messageEntityCustomEmoji", offset: 9, length: 2, documentId: 5368324170671202286n },
      { _: "messageEntityBlockquote", offset: 12, length: 1, collapsed: true },
    ]);
  });

  it("decodes entities and leaves stray < and & as text", () => {
    expect(parseHtml("a &lt; b &amp;&amp; c &gt; d &quot;&#128077;&#x1F44D;").text).toBe('a < b && c > d "👍👍');
    expect(parseHtml("1 < 2 & 3 <3 Q&A &unknown; &#xD800;").text).toBe("1 < 2 & 3 <3 Q&A &unknown; &#xD800;");
  });

  it("keeps whitespace and turns <br> into a newline", () => {
    expect(parseHtml("a\n  b<br>c<br/>d").text).toBe("a\n  b\nc\nd");
  });

  it("makes no entity for an empty tag", () => {
    expect(parseHtml("<b></b>x").entities).toEqual([]);
  });

  it.each([
    ["<b>never closed", "UNCLOSED"],
    ["<b><i>x</b></i>", "UNEXPECTED_CLOSE"],
    ["x</b>", "UNEXPECTED_CLOSE"],
    ["<blink>x</blink>", "UNKNOWN_TAG"],
    ["<span>x</span>", "UNKNOWN_TAG"],
    ["<a>x</a>", "BAD_LINK"],
    ['<tg-emoji emoji-id="abc">x</tg-emoji>', "BAD_ATTRIBUTE"],
    ['<b class="x"', "BAD_ATTRIBUTE"],
  ])("rejects %j with %s", (markup, code) => {
    const error = (() => {
      try {
        parseHtml(markup);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(TextParseError);
    expect((error as TextParseError).code).toBe(code);
  });
});

describe("html``", () => {
  it("escapes interpolated strings, even markup", () => {
    const name = "<b>Mallory</b> & co";
    expect(html`hi <i>${name}</i>`).toEqual({
      text: "hi <b>Mallory</b> & co",
      entities: [{ _: "messageEntityItalic", offset: 3, length: 19 }],
    });
  });

  it("puts values into attributes safely", () => {
    const url = 'https://x.y/?q="a"&b';
    expect(html`<a href="${url}">go</a>`.entities).toEqual([{ _: "messageEntityTextUrl", offset: 0, length: 2, url }]);
  });

  it("embeds formatted values with shifted entities, inside open tags too", () => {
    const inner = html`<b>💥bold</b>`;
    const outer = html`😀 <i>x ${inner} y</i> ${42}`;
    expect(outer.text).toBe("😀 x 💥bold y 42");
    expect(outer.entities).toEqual([
      { _: "messageEntityItalic", offset: 3, length: 10 },
      { _: "messageEntityBold", offset: 5, length: 6 },
    ]);
  });

  it("is a plain object that survives structuredClone", () => {
    const value = html`<b>x</b>`;
    expect(structuredClone(value)).toEqual(value);
  });
});
