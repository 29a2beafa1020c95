import { describe, expect, it } from "vitest";
import { md, parseMarkdown, TextParseError, toTextWithEntities } from "../../src/text/index.js";

describe("parseMarkdown", () => {
  it("bold, italic, underline, strike, spoiler with UTF-16 offsets", () => {
    const parsed = parseMarkdown("🎉 *b* _i_ __u__ ~s~ ||p||");
    expect(parsed.text).toBe("🎉 b i u s p");
    expect(parsed.entities).toEqual([
      { _: "messageEntityBold", offset: 3, length: 1 },
      { _: "messageEntityItalic", offset: 5, length: 1 },
      { _: "messageEntityUnderline", offset: 7, length: 1 },
      { _: "messageEntityStrike", offset: 9, length: 1 },
      { _: "messageEntitySpoiler", offset: 11, length: 1 },
    ]);
  });

  it("nests and sorts outer first", () => {
    expect(parseMarkdown("*bold _both_*").entities).toEqual([
      { _: "messageEntityBold", offset: 0, length: 9 },
      { _: "messageEntityItalic", offset: 5, length: 4 },
    ]);
  });

  it("code and pre keep their content verbatim", () => {
    expect(parseMarkdown("`a*b_c` and ```ts\nconst x = `y`;\n```")).toEqual({
      text: "a*b_c and const x = `y`;\n",
      entities: [
        { _: "messageEntityCode", offset: 0, length: 5 },
        { _: "messageEntityPre", offset: 10, length: 15, language: "ts" },
      ],
    });
    expect(parseMarkdown("```\nno language```").entities).toEqual([
      { _: "messageEntityPre", offset: 0, length: 11, language: "" },
    ]);
    expect(parseMarkdown("`\\``").text).toBe("`");
  });

  it("links, mentions and custom emoji", () => {
    const parsed = parseMarkdown(
      "[site](https://example.com/a_(b\\)) [*Bob*](tg://user?id=7) ![👍](tg://emoji?id=5368324170671202286)",
    );
    expect(parsed.text).toBe("site Bob 👍");
    expect(parsed.entities).toEqual([
      { _: "messageEntityTextUrl", offset: 0, length: 4, url: "https://example.com/a_(b)" },
      { _: "messageEntityBold", offset: 5, length: 3 },
      { _: "messageEntityMentionName", offset: 5, length: 3, userId: 7n },
      { _: "messageEntityCustomEmoji", offset: 9, length: 2, documentId: 5368324170671202286n },
    ]);
  });

  it("quotes lines that start with >", () => {
    expect(parseMarkdown(">one\n>two\nafter")).toEqual({
      text: "one\ntwo\nafter",
      entities: [{ _: "messageEntityBlockquote", offset: 0, length: 7 }],
    });
    expect(parseMarkdown("a > b").entities).toEqual([]);
  });

  it("escapes with a backslash; other punctuation is plain", () => {
    expect(parseMarkdown("\\*not bold\\* 1.5 - ok! \\\\ \\q").text).toBe("*not bold* 1.5 - ok! \\ \\q");
  });

  it.each([
    ["*never closed", "UNCLOSED"],
    ["`code", "UNCLOSED"],
    ["```pre", "UNCLOSED"],
    ["*a _b* c_", "UNEXPECTED_CLOSE"],
    ["[text] no url", "BAD_LINK"],
    ["[x](url", "UNCLOSED"],
    ["![e](https://x)", "BAD_LINK"],
  ])("rejects %j with %s", (markup, code) => {
    expect(() => parseMarkdown(markup)).toThrow(TextParseError);
    try {
      parseMarkdown(markup);
    } catch (error) {
      expect((error as TextParseError).code).toBe(code);
    }
  });
});

describe("md``", () => {
  it("escapes interpolated strings and embeds formatted values", () => {
    const user = "*_sneaky_*";
    const bold = md`*👋 hi*`;
    const parsed = md`${bold}, _${user}_!`;
    expect(parsed.text).toBe("👋 hi, *_sneaky_*!");
    expect(parsed.entities).toEqual([
      { _: "messageEntityBold", offset: 0, length: 5 },
      { _: "messageEntityItalic", offset: 7, length: 10 },
    ]);
  });
});

describe("toTextWithEntities", () => {
  it("sends a string as written without a parse mode", () => {
    expect(toTextWithEntities("<b>*x*</b>")).toEqual({ text: "<b>*x*</b>", entities: [] });
    expect(toTextWithEntities("<b>x</b>", "html").entities).toHaveLength(1);
    expect(toTextWithEntities("*x*", "markdown").entities).toHaveLength(1);
  });

  it("adds separate entities", () => {
    expect(toTextWithEntities("ab", undefined, [{ _: "messageEntityBold", offset: 1, length: 1 }]).entities).toEqual([
      { _: "messageEntityBold", offset: 1, length: 1 },
    ]);
  });
});
