import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer, KeyPoint, PassageHit, SourceRef, Summary } from "../../src/answer/types.ts";
import type { SearchPage } from "../../src/engine.ts";
import { plainCommandRef } from "../../src/render/command-ref.ts";
import {
  aboutToEmbed,
  answerToEmbed,
  escapeMarkdown,
  formatDuration,
  listToEmbed,
  markdownText,
  noticeToEmbed,
  safeUrl,
  searchToEmbed,
  summaryToEmbed,
} from "../../src/render/embed.ts";
import { ELLIPSIS, EMBED_TOTAL_LIMIT, embedLength, embedProblems, stripInvisible } from "../../src/render/limits.ts";
import { segmented } from "../helpers/segmented.ts";

const SOURCE: SourceRef = {
  articleId: "a1b2c3d4e5f6",
  title: "鎌倉の寺と仮想化技術",
  url: "https://example.com/kamakura",
  publisher: "テスト新聞",
  publishedAt: "2005-10-31T15:22:00+09:00",
};

function keyPoint(text: string, highlights: [number, number][], source = SOURCE): KeyPoint {
  return { ...source, text, start: 0, end: text.length, highlights, score: 1 };
}

function passage(text: string, highlights: [number, number][], source = SOURCE): PassageHit {
  return {
    ...source,
    passageId: `${source.articleId}:0`,
    text,
    start: 0,
    end: text.length,
    heading: null,
    highlights,
    score: 1,
  };
}

/** Reads rendered markdown back as plain text: drops `**` and the escaping backslashes. */
function unmark(markdown: string): string {
  let out = "";
  for (let i = 0; i < markdown.length; i++) {
    const ch = markdown[i];
    if (ch === "\\") out += markdown[++i] ?? "";
    else if (ch === "*" && markdown[i + 1] === "*") i++;
    else out += ch;
  }
  return out;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;
const FAMILY = "👨‍👩‍👧‍👦";

/** Every string an embed holds, for checks that apply to all of them. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

describe("escapeMarkdown", () => {
  it.each([
    // article text must not format, ping or link
    ["**太字**", "\\*\\*太字\\*\\*"],
    ["@everyone と @here", "\\@everyone と \\@here"],
    ["<@123456789012345678> さん", "\\<\\@123456789012345678\\> さん"],
    ["[罠](https://evil.example)", "\\[罠\\](https://evil.example)"],
    ["||ネタバレ|| ~~取消~~ `code` _斜体_", "\\|\\|ネタバレ\\|\\| \\~\\~取消\\~\\~ \\`code\\` \\_斜体\\_"],
    // line-start markup only at the start of a line
    ["# 見出し\n- 項目\n> 引用\n1. 番号", "\\# 見出し\n\\- 項目\n\\> 引用\n1\\. 番号"],
    ["2005年-2006年 #1", "2005年-2006年 #1"],
    // bidirectional overrides and controls are dropped
    ["abc\u202edef\u0000", "abcdef"],
    // … before line-start markup is looked for: what is left is what Discord reads
    ["\u200e# 見出し", "\\# 見出し"],
    ["1\u200e. 項目", "1\\. 項目"],
    ["1.\u200f 項目", "1\\. 項目"],
    ["\u0000- 項目", "\\- 項目"],
    ["前\n \u2066-\u2069 項目", "前\n \\- 項目"],
  ])("%j → %j", (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it("escapes text with invisible characters as it escapes the text Discord reads, without them", () => {
    const markup = fc.constantFrom("#", "-", "+", ">", "1", ".", " ", "\n", "*", "あ", "\u200e", "\u0000", "\u2066");
    fc.assert(
      fc.property(
        fc.array(markup, { maxLength: 12 }).map((parts) => parts.join("")),
        (t) => {
          const shown = stripInvisible(t);
          expect(escapeMarkdown(t)).toBe(escapeMarkdown(shown));
          expect(markdownText(t, [], 100)).toBe(escapeMarkdown(shown));
        },
      ),
    );
  });
});

describe("markdownText", () => {
  it("puts the highlighted ranges in bold", () => {
    expect(markdownText("ゲストOSとしてWindowsが動く", [[0, 5]], 100)).toBe("**ゲストOS**としてWindowsが動く");
  });

  it("escapes line-start markup behind invisible characters, and puts in bold what was highlighted", () => {
    // highlights count the invisible characters, which are not shown
    expect(markdownText("\u200e# 見出し", [[3, 5]], 100)).toBe("\\# **見出**し");
    expect(markdownText("前\n\u0000\u200e1\u200e. 項目", [[0, 1]], 100)).toBe("**前**\n1\\. 項目");
  });

  it("leaves as written the command mentions written after the mark, whole or not at all, and escapes the rest", () => {
    const mark = "\u0013\u001c\u0010";
    const mention = "</article add:1300000000000000001>";
    const own = `${mark}${mention}`;
    const text = `**題** ${own} で追加。</ask:1300000000000000002> と ${mark}</evil> と <@1400000000000000001>${mark}`;
    expect(markdownText(text, [], 500, { mentionMark: mark })).toBe(
      `\\*\\*題\\*\\* ${mention} で追加。\\</ask:1300000000000000002\\> と \\</evil\\> と \\<\\@1400000000000000001\\>`,
    );
    // the same mention without the mark, quoted from a title or a member's words, is escaped
    expect(markdownText(`「${mention}」${own}`, [], 500, { mentionMark: mark })).toBe(
      `「\\</article add:1300000000000000001\\>」${mention}`,
    );
    // as is one after a part of the mark, or after another mark
    expect(markdownText(`${mark.slice(1)}${mention}`, [], 500, { mentionMark: mark })).toBe(
      `\\${mention.slice(0, -1)}\\>`,
    );
    expect(markdownText(`\u0011${mention}`, [], 500, { mentionMark: mark })).toBe(`\\${mention.slice(0, -1)}\\>`);
    // without a mark, none is kept: what an article or a member writes never becomes a mention
    expect(markdownText(own, [], 500)).toBe("\\</article add:1300000000000000001\\>");
    // a cut never splits a mention kept: it goes whole, or not at all
    const before = "あ".repeat(10);
    const long = `${before}${own}いう`;
    expect(markdownText(long, [], 10 + mention.length + 1, { mentionMark: mark })).toBe(`${before}${mention}…`);
    expect(markdownText(long, [], 10 + mention.length, { mentionMark: mark })).toBe(`${before}…`);
    // (escaped as any text is, it is cut as any text is)
    expect(markdownText(long, [], 10 + mention.length, {})).toBe(`${before}\\${mention.slice(0, -2)}…`);
    // a mark is invisible: one that is not would be shown
    expect(() => markdownText(long, [], 500, { mentionMark: "§" })).toThrow(/INVISIBLE/u);
  });

  it("drops a kept mention whole when it straddles the end of the room", () => {
    const mark = "\u0013\u001c\u0010";
    const mention = "</article add:1300000000000000002>";
    const text = `${"あ".repeat(80)}${mark}${mention} で追加できます。`;
    // the mention starts within the room (80 + 2 units read ahead) but ends after it: not a piece of it is shown
    expect(markdownText(text, [], 100, { mentionMark: mark })).toBe(`${"あ".repeat(80)}…`);
    // with room for it, it is shown whole, as written
    expect(markdownText(text, [], 80 + mention.length + 1, { mentionMark: mark })).toBe(
      `${"あ".repeat(80)}${mention}…`,
    );
    // the invisible characters before it count for nothing
    const hidden = `\u200e${"あ".repeat(80)}\u202e${mark}${mention}`;
    expect(markdownText(hidden, [], 80 + mention.length, { mentionMark: mark })).toBe(`${"あ".repeat(80)}${mention}`);
  });

  it("marks a cut with … even when the first grapheme does not fit", () => {
    // a letter with 500 combining marks, longer than the room; a family emoji (11 units) in 5
    expect(markdownText(`Z${"\u0336".repeat(500)}の記事`, [], 256)).toBe(ELLIPSIS);
    expect(markdownText(FAMILY, [], 5)).toBe(ELLIPSIS);
    expect(markdownText(FAMILY, [[0, 2]], 1)).toBe(ELLIPSIS);
    expect(markdownText(FAMILY, [], 0)).toBe("");
    // nothing shown is nothing cut
    expect(markdownText("\u200e\u0000", [], 1)).toBe("");
  });

  it("marks a cut with … where the next grapheme would go past the room, and text left is shown text", () => {
    // 𠮷 is two units: it ends past the five read, after four that leave room for the mark
    expect(markdownText("ああああ𠮷い", [], 5)).toBe("ああああ…");
    expect(markdownText("ああああ𠮷い", [[0, 4]], 7)).toBe("**ああ**…");
    // invisible characters take no room: text thick with them is shown whole when what shows fits
    const thick = `あ${"\u200e".repeat(2_000)}い`;
    expect(markdownText(thick, [], 3)).toBe("あい");
    expect(markdownText(`${thick}うえ`, [], 3)).toBe("あい…");
    expect(markdownText(`${thick}${"\u200f".repeat(2_000)}`, [], 2)).toBe("あい");
  });

  it("closes an open bold run before the cut", () => {
    const out = markdownText("あいうえおかきくけこ", [[2, 10]], 9);
    expect(out).toBe("あい**うえ**…");
    expect(out.length).toBeLessThanOrEqual(9);
  });

  it("stays within the limit, keeps bold balanced and loses no text but at the cut", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 60 }).map((s) => `${s}*@<#${FAMILY}\n1. x`);
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 80 }), (t, a, limit) => {
        const start = Math.min(a, t.length);
        const out = markdownText(t, [[start, Math.min(start + 5, t.length)]], limit);
        expect(out.length).toBeLessThanOrEqual(limit);
        expect(LONE_SURROGATE.test(out)).toBe(false);
        const plain = unmark(out);
        const kept = plain.endsWith("…") && !t.endsWith("…") ? plain.slice(0, -1) : plain;
        expect(escapeMarkdown(t).replace(/\\(.)/gu, "$1").startsWith(kept)).toBe(true);
      }),
    );
  });
});

describe("long text without a sentence end", () => {
  // 50,000 characters: Node 20's segmenter took 1-2 s a field over all of it, 2 minutes over 200,000
  const LONG = "鎌倉の寺院建築について調べた*記録*、".repeat(3_000).slice(0, 50_000);
  const problems = (embed: object) => embedProblems(embed as Parameters<typeof embedProblems>[0]);

  it("is escaped and cut by markdownText, reading its start only", () => {
    let out = "";
    const read = segmented(() => (out = markdownText(LONG, [[0, 2]], 1_024)));
    expect(read.total).toBeLessThan(2_000);
    expect(out.length).toBeLessThanOrEqual(1_024);
    expect(out.endsWith(ELLIPSIS)).toBe(true);
    expect(out.startsWith("**鎌倉**の寺院建築について調べた\\*記録\\*、")).toBe(true);
    expect(LONG.startsWith(unmark(out).slice(0, -1))).toBe(true);
  });

  it("is escaped whole by escapeMarkdown without segmenting it at once", () => {
    let out = "";
    expect(segmented(() => (out = escapeMarkdown(LONG))).longest).toBeLessThan(1_000);
    expect(unmark(out)).toBe(LONG);
  });

  it("fits a summary, an answer and a page of results as a point, a passage and a title", () => {
    const source: SourceRef = { ...SOURCE, title: LONG, publisher: LONG };
    const summary: Summary = {
      ...source,
      author: LONG,
      points: [{ text: LONG, start: 0, end: LONG.length }],
      passageCount: 1,
      characters: LONG.length,
    };
    const answer: Answer = {
      question: LONG,
      questionType: null,
      terms: ["鎌倉"],
      found: true,
      missing: [],
      notInLibrary: [],
      keyPoints: [keyPoint(LONG, [[0, 2]], source), keyPoint(LONG, [], SOURCE)],
      passages: [{ ...passage(LONG, [[0, 2]], source), heading: LONG }],
      suggestions: [],
    };
    const page: SearchPage = {
      query: LONG,
      terms: ["鎌倉"],
      hits: [passage(LONG, [[0, 2]], source)],
      page: 1,
      pageCount: 1,
      firstRank: 1,
      total: 1,
    };
    const embeds: object[] = [];
    const read = segmented(() => {
      embeds.push(summaryToEmbed(summary), answerToEmbed(answer), searchToEmbed(page));
      embeds.push(answerToEmbed({ ...answer, found: false, keyPoints: [], suggestions: [source] }));
    });
    expect(read.total).toBeLessThan(30_000);
    for (const embed of embeds) expect(problems(embed)).toEqual([]);
    expect(summaryToEmbed(summary).description).toMatch(/^・鎌倉の寺院建築について.*…$/u);
    expect(searchToEmbed(page).fields?.[0]?.name).toMatch(/^1\. 鎌倉の寺院建築について.*…$/u);
  });
});

describe("safeUrl", () => {
  it("keeps http(s) URLs and encodes parentheses for masked links", () => {
    expect(safeUrl("https://ja.wikipedia.org/wiki/X_(Y)")).toBe("https://ja.wikipedia.org/wiki/X_%28Y%29");
  });

  it.each([
    ["a javascript: URL", "javascript:alert(1)"],
    ["an empty string", ""],
    ["text that is not a URL", "not a url"],
    ["a URL of 3,000 characters", `https://example.com/${"a".repeat(3000)}`],
  ])("drops %s", (_, url) => {
    expect(safeUrl(url)).toBeUndefined();
  });
});

describe("answerToEmbed", () => {
  it("shows the key points with matched words in bold under the article's title, link and source", () => {
    const answer: Answer = {
      question: "Xen 3.0ではどのOSがゲストOSとして動く？",
      questionType: "thing",
      terms: ["xen", "os"],
      found: true,
      missing: [],
      notInLibrary: [],
      keyPoints: [keyPoint("ゲストOSとしてWindowsの実行が可能となる。", [[0, 5]])],
      passages: [passage("これによりOSの修正が不要となるほか、ゲストOSとしてWindowsの実行が可能となる。", [[5, 7]])],
      suggestions: [],
    };
    expect(answerToEmbed(answer)).toEqual({
      color: 0x5865f2,
      author: { name: "質問: Xen 3.0ではどのOSがゲストOSとして動く？" },
      title: "鎌倉の寺と仮想化技術",
      url: "https://example.com/kamakura",
      footer: { text: "テスト新聞 · 2005年10月31日 · ID: a1b2c3d4e5f6" },
      description: "1. **ゲストOS**としてWindowsの実行が可能となる。",
      fields: [
        {
          name: "出典の段落 1",
          value: "これにより**OS**の修正が不要となるほか、ゲストOSとしてWindowsの実行が可能となる。",
        },
      ],
    });
  });

  it("shows an address in the article's text as written, neither escaped nor in bold, so that Discord links it where it goes", () => {
    // livedoor's articles hold such addresses; Discord links http://…/c\_04.html with its backslash, which
    // a browser reads as a slash (…/c/_04.html): the link led nowhere
    const url = "http://st.sakura.ne.jp/~iyukari/c_04.html?id=a*b|c&by=@shiori";
    const text = `詳細は${url} を見てください。_斜体_ と **太字**`;
    // the question's words are highlighted in the address too (sakura), and the words around it
    const highlights: [number, number][] = [
      [0, 2],
      [text.indexOf("sakura"), text.indexOf("sakura") + 6],
    ];
    const shown = `**詳細**は${url} を見てください。\\_斜体\\_ と \\*\\*太字\\*\\*`;
    const answer: Answer = {
      question: "詳細は？",
      questionType: "thing",
      terms: ["詳細"],
      found: true,
      missing: [],
      notInLibrary: [],
      keyPoints: [keyPoint(text, highlights)],
      passages: [passage(text, highlights)],
      suggestions: [],
    };
    const embed = answerToEmbed(answer);
    expect(embed.description).toBe(`1. ${shown}`);
    expect(embed.fields?.[0]?.value).toBe(shown);
    const page: SearchPage = {
      query: "詳細",
      terms: ["詳細"],
      hits: [passage(text, highlights)],
      page: 1,
      pageCount: 1,
      firstRank: 1,
      total: 1,
    };
    expect(searchToEmbed(page).fields?.[0]?.value.split("\n")[0]).toBe(shown);
    const summary: Summary = {
      ...SOURCE,
      author: null,
      points: [{ text, start: 0, end: text.length }],
      passageCount: 1,
      characters: text.length,
    };
    expect(summaryToEmbed(summary).description).toBe(`・${shown.replaceAll("**詳細**", "詳細")}`);
    // where Discord links no address (a title), the address is escaped as any text
    expect(answerToEmbed({ ...answer, keyPoints: [keyPoint(text, highlights, { ...SOURCE, title: url })] }).title).toBe(
      "http://st.sakura.ne.jp/\\~iyukari/c\\_04.html?id=a\\*b\\|c&by=\\@shiori",
    );
  });

  it("names under the key points the question's words the answer leaves out, escaped", () => {
    const answer: Answer = {
      question: "**iPhone** 5の発売日は？",
      questionType: "date",
      terms: ["iphone", "5", "発売"],
      found: true,
      missing: ["**iPhone**"],
      notInLibrary: [],
      keyPoints: [keyPoint("発売日は5月18日。", [[0, 2]])],
      passages: [],
      suggestions: [],
    };
    expect(answerToEmbed(answer).description).toBe(
      "1. **発売**日は5月18日。\n※ 1 の記事に含まれない語: 「\\*\\*iPhone\\*\\*」",
    );
  });

  it("names apart the words no article of the library says", () => {
    const answer: Answer = {
      question: "PS5とiPhoneの発売日は？",
      questionType: "date",
      terms: ["ps", "5", "iphone", "発売"],
      found: true,
      missing: ["PS5", "iPhone"],
      notInLibrary: ["PS5"],
      keyPoints: [keyPoint("発売日は5月18日。", [[0, 2]])],
      passages: [],
      suggestions: [],
    };
    expect(answerToEmbed(answer).description).toBe(
      "1. **発売**日は5月18日。\n※ 1 の記事に含まれない語: 「iPhone」\n※ どの記事にも含まれない語: 「PS5」",
    );
  });

  it("cites a key point from another article under it", () => {
    const other = { ...SOURCE, articleId: "ffffffffffff", title: "別の記事", url: "https://example.com/other" };
    const answer: Answer = {
      question: "q",
      questionType: null,
      terms: ["q"],
      found: true,
      missing: [],
      notInLibrary: [],
      keyPoints: [keyPoint("一つ目。", []), keyPoint("二つ目。", [], other)],
      passages: [],
      suggestions: [],
    };
    expect(answerToEmbed(answer).description).toBe(
      "1. 一つ目。\n2. 二つ目。\n　出典: [別の記事](https://example.com/other)",
    );
  });

  it("keeps a citation's link where a long URL leaves its title a few characters", () => {
    const url = `https://blog.example.jp/entry/${encodeURIComponent("下町の純喫茶と名物のナポリタン巡り")}`;
    expect(url.length).toBe(183);
    const other = { ...SOURCE, articleId: "ffffffffffff", title: "下町の純喫茶めぐりと名物ナポリタンの店", url };
    const answer: Answer = {
      question: "q",
      questionType: null,
      terms: ["q"],
      found: true,
      missing: [],
      notInLibrary: [],
      keyPoints: [keyPoint("一つ目。", []), keyPoint("二つ目。", [], other)],
      passages: [],
      suggestions: [],
    };
    // 200 for the citation: 13 left for the title in its link
    expect(answerToEmbed(answer).description).toBe(
      `1. 一つ目。\n2. 二つ目。\n　出典: [下町の純喫茶めぐりと名物…](${url})`,
    );
  });

  it("says honestly that nothing was found and offers the closest titles", () => {
    const answer: Answer = {
      question: "火星の天気は？",
      questionType: null,
      terms: ["火星", "天気"],
      found: false,
      missing: [],
      notInLibrary: [],
      keyPoints: [],
      passages: [],
      suggestions: [SOURCE],
    };
    const embed = answerToEmbed(answer);
    expect(embed.title).toBe("答えが見つかりませんでした");
    // in the words members know: the library, not "the corpus" (a word of the code), as every other reply says
    expect(embed.description).toBe(
      "ライブラリの記事には、この質問に答える文が見つかりませんでした。言葉を減らすか、記事が使っていそうな別の言葉や表記（ひらがな・カタカナ・漢字）で試してください。",
    );
    expect(embed.fields).toEqual([
      { name: "近いタイトルの記事", value: "・[鎌倉の寺と仮想化技術](https://example.com/kamakura) `a1b2c3d4e5f6`" },
    ]);
  });

  it("names the words no article holds when nothing was found", () => {
    const answer: Answer = {
      question: "darubisshu no nenpou wa?",
      questionType: null,
      terms: ["darubisshu", "no", "nenpou", "wa"],
      found: false,
      missing: ["darubisshu", "nenpou"],
      notInLibrary: ["darubisshu", "nenpou"],
      keyPoints: [],
      passages: [],
      suggestions: [],
    };
    expect(answerToEmbed(answer).description).toContain("\n※ どの記事にも含まれない語: 「darubisshu」「nenpou」");
    expect(answerToEmbed({ ...answer, missing: [], notInLibrary: [] }).description).not.toContain("※");
  });

  it("says that a question of no word holds nothing to search, not to shorten it", () => {
    const answer: Answer = {
      question: "の",
      questionType: null,
      terms: [],
      found: false,
      missing: [],
      notInLibrary: [],
      keyPoints: [],
      passages: [],
      suggestions: [],
    };
    const description = answerToEmbed(answer).description;
    expect(description).toContain("記事を探せる語が含まれていません");
    expect(description).not.toContain("言葉を減らす");
  });

  it("escapes a passage's heading in its field name, on one line", () => {
    const answer: Answer = {
      question: "q",
      questionType: null,
      terms: ["q"],
      found: true,
      missing: [],
      notInLibrary: [],
      keyPoints: [keyPoint("要点です。", [])],
      passages: [{ ...passage("段落です。", []), heading: "**重要** @everyone <@123>\n# 続き_です_" }],
      suggestions: [],
    };
    expect(answerToEmbed(answer).fields?.[0]?.name).toBe(
      "出典の段落 1「\\*\\*重要\\*\\* \\@everyone \\<\\@123\\> # 続き\\_です\\_」",
    );
  });

  it("keeps a long heading's escapes whole and its closing bracket", () => {
    const answer: Answer = {
      question: "q",
      questionType: null,
      terms: ["q"],
      found: true,
      missing: [],
      notInLibrary: [],
      keyPoints: [keyPoint("要点です。", [])],
      passages: [{ ...passage("段落です。", []), heading: "*".repeat(400) }],
      suggestions: [],
    };
    const name = answerToEmbed(answer).fields?.[0]?.name ?? "";
    expect(name.length).toBeLessThanOrEqual(256);
    expect(name).toMatch(/^出典の段落 1「(?:\\\*)+…」$/u);
  });

  it("stays within every limit when every part of the answer overflows", () => {
    const huge: SourceRef = {
      articleId: "0123456789ab",
      title: `${"長い題名**@everyone".repeat(40)}${FAMILY}`,
      url: `https://example.com/${"x".repeat(1500)}`,
      publisher: `${"出版社".repeat(1000)}${FAMILY}`,
      publishedAt: "2024-01-01T00:00:00+09:00",
    };
    const longText = `${"仮想化技術の<@123456789012345678>説明".repeat(200)}${FAMILY.repeat(50)}`;
    const highlights: [number, number][] = Array.from({ length: 300 }, (_, i) => [i * 20, i * 20 + 3]);
    const answer: Answer = {
      question: `${"質問👨‍👩‍👧‍👦".repeat(600)}`,
      questionType: null,
      terms: ["仮想"],
      found: true,
      missing: [],
      notInLibrary: [],
      keyPoints: [
        keyPoint(longText, highlights, huge),
        keyPoint(longText, highlights, SOURCE),
        keyPoint(longText, [], huge),
      ],
      passages: [
        passage(longText, highlights, huge),
        passage(longText, highlights, SOURCE),
        passage(longText, [], huge),
      ],
      suggestions: [],
    };
    const embed = answerToEmbed(answer);
    expect(embedProblems(embed as Parameters<typeof embedProblems>[0])).toEqual([]);
    expect(embedLength(embed as Parameters<typeof embedLength>[0])).toBeLessThanOrEqual(EMBED_TOTAL_LIMIT);
    for (const s of strings(embed)) expect(LONE_SURROGATE.test(s)).toBe(false);
    expect(embed.description).not.toMatch(/(?<!\\)<@/u);
    expect(embed.fields?.length).toBeGreaterThan(0);
  });
});

describe("plain-text parts (author, footer, field names)", () => {
  /** C0/C1 controls (but tab and line feed) and bidirectional marks, overrides and isolates. */
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
  const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

  it("carry no controls or bidirectional overrides from the question or the article", () => {
    const sneaky: SourceRef = { ...SOURCE, title: "題\u202e名", publisher: "テスト\u2066新聞\u2069\u0007" };
    const answer: Answer = {
      question: "質問\u202eです\u0000？",
      questionType: null,
      terms: [],
      found: true,
      missing: [],
      notInLibrary: [],
      keyPoints: [keyPoint("要点です。", [], sneaky)],
      passages: [{ ...passage("段落です。", [], sneaky), heading: "見出\u202dし\u0085" }],
      suggestions: [],
    };
    const embed = answerToEmbed(answer);
    expect(embed.author?.name).toBe("質問: 質問です？");
    expect(embed.footer?.text).toBe("テスト新聞 · 2005年10月31日 · ID: a1b2c3d4e5f6");
    expect(embed.fields?.[0]?.name).toBe("出典の段落 1「見出し」");
    for (const s of strings(embed)) expect(s).not.toMatch(INVISIBLE);
  });
});

describe("searchToEmbed", () => {
  it("cuts a long query inside its brackets, escaped, so that the title still says what it is", () => {
    for (const query of ["寺".repeat(300), "*".repeat(300), "😀".repeat(300)]) {
      const embed = searchToEmbed({ query, terms: [], hits: [], page: 1, pageCount: 1, firstRank: 1, total: 0 });
      expect(embed.title).toMatch(/^「.+…」の検索結果$/u);
      expect(embed.title?.length).toBeLessThanOrEqual(256);
    }
  });

  it("shows a page of hits within the limits, each with its link and id", () => {
    const hits = Array.from({ length: 5 }, (_, i) => passage(`${"段落".repeat(800)}${i}`, [[0, 2]]));
    const page: SearchPage = { query: "段落", terms: ["段落"], hits, page: 2, pageCount: 3, firstRank: 6, total: 12 };
    const embed = searchToEmbed(page);
    expect(embed.title).toBe("「段落」の検索結果");
    expect(embed.description).toBe("全 12 件中 6–10 件目（2/3 ページ）");
    expect(embed.fields?.map((f) => f.name)).toEqual([6, 7, 8, 9, 10].map((n) => `${n}. 鎌倉の寺と仮想化技術`));
    expect(embed.fields?.[0]?.value).toMatch(
      /\[テスト新聞 · 2005年10月31日\]\(https:\/\/example\.com\/kamakura\) · `a1b2c3d4e5f6`$/u,
    );
    expect(embedProblems(embed as Parameters<typeof embedProblems>[0])).toEqual([]);
  });

  it("escapes a heading mark behind an invisible character in a hit's title and passage", () => {
    const hit = passage("\u200e# 竹林の段落", [], { ...SOURCE, title: "\u200e# 竹の寺" });
    const page: SearchPage = { query: "竹", terms: ["竹"], hits: [hit], page: 1, pageCount: 1, firstRank: 1, total: 1 };
    const field = searchToEmbed(page).fields?.[0];
    expect(field?.name).toBe("1. \\# 竹の寺");
    expect(field?.value).toMatch(/^\\# 竹林の段落\n/u);
  });

  it("cuts a long hit title within its field name without splitting an escape", () => {
    const hit = passage("段落です。", [], { ...SOURCE, title: `a${"*".repeat(300)}` });
    const page: SearchPage = {
      query: "段落",
      terms: ["段落"],
      hits: [hit],
      page: 1,
      pageCount: 1,
      firstRank: 1,
      total: 1,
    };
    // 253 units for the title after "1. ": a, 125 escaped stars and the mark (one more unit would be a lone \\)
    expect(searchToEmbed(page).fields?.[0]?.name).toBe(`1. a${"\\*".repeat(125)}…`);
  });

  it("offers to open a hit's article only where there is a link", () => {
    const bare = { ...SOURCE, publisher: "", publishedAt: null };
    const page = (url: string): SearchPage => ({
      query: "段落",
      terms: ["段落"],
      hits: [passage("段落です。", [], { ...bare, url })],
      page: 1,
      pageCount: 1,
      firstRank: 1,
      total: 1,
    });
    expect(searchToEmbed(page("https://example.com/k")).fields?.[0]?.value).toBe(
      "段落です。\n[記事を開く](https://example.com/k) · `a1b2c3d4e5f6`",
    );
    const long = `https://example.com/${"a".repeat(3_000)}`;
    expect(searchToEmbed(page(long)).fields?.[0]?.value).toBe("段落です。\n`a1b2c3d4e5f6`");
  });

  it("suggests what to try when nothing matches", () => {
    const page: SearchPage = {
      query: "火星",
      terms: ["火星"],
      hits: [],
      page: 1,
      pageCount: 1,
      firstRank: 1,
      total: 0,
    };
    expect(searchToEmbed(page).description).toContain("見つかりませんでした");
  });

  it("says that a query of no word (a particle) holds nothing to search", () => {
    const page: SearchPage = { query: "の", terms: [], hits: [], page: 1, pageCount: 1, firstRank: 1, total: 0 };
    const description = searchToEmbed(page).description;
    expect(description).toContain("記事を探せる語が含まれていません");
    expect(description).not.toContain("キーワードを短く");
  });
});

describe("summaryToEmbed, listToEmbed, aboutToEmbed", () => {
  it("lists an article's key points under its title", () => {
    const summary: Summary = {
      ...SOURCE,
      author: "山田",
      points: [
        { text: "一つ目の要点。", start: 0, end: 7 },
        { text: "二つ目の*要点*。", start: 8, end: 17 },
      ],
      passageCount: 12,
      characters: 1626,
    };
    const embed = summaryToEmbed(summary, { heading: "記事を追加しました" });
    expect(embed.author).toEqual({ name: "記事を追加しました" });
    expect(embed.description).toBe("・一つ目の要点。\n・二つ目の\\*要点\\*。");
    // before: 「段落 12 · 1,626 文字」, where 段落 12 read as the twelfth paragraph
    expect(embed.fields).toEqual([{ name: "記事の情報", value: "12 段落 · 1,626 文字 · 著者: 山田" }]);
    const long = summaryToEmbed({ ...summary, passageCount: 1200, characters: 360_000 });
    expect(long.fields?.[0]?.value).toBe("1,200 段落 · 360,000 文字 · 著者: 山田");
  });

  it("says why an article's title does not link to its URL, and shows the start of a long one as text", () => {
    const summary: Summary = { ...SOURCE, author: null, points: [], passageCount: 1, characters: 10 };
    const facts = (url: string) => summaryToEmbed({ ...summary, url }).fields?.[0]?.value;
    expect(facts("https://example.com/kamakura")).toBe("1 段落 · 10 文字");
    expect(facts("")).toBe("1 段落 · 10 文字 · URL なし");
    const long = `https://example.com/${"a".repeat(3_000)}`;
    const embed = summaryToEmbed({ ...summary, url: long, author: "著者".repeat(600) });
    expect(embed.url).toBeUndefined();
    const value = embed.fields?.[0]?.value ?? "";
    expect(value).not.toContain("URL なし");
    expect(value).toMatch(
      /^1 段落 · 10 文字 · URL は長すぎてリンクにできません: `https:\/\/example\.com\/a+…` · 著者: /u,
    );
    expect(value.length).toBeLessThanOrEqual(1_024);
    // an address stored before URLs were checked
    expect(facts("なし")).toBe("1 段落 · 10 文字 · URL はウェブページのアドレスではありません: `なし`");
    // a backtick would close the code span: it is shown percent-encoded
    expect(facts("な`し")).toBe("1 段落 · 10 文字 · URL はウェブページのアドレスではありません: `な%60し`");
  });

  it("closes the code span of an unlinked URL within the room left by a long footer and long points", () => {
    // a URL that is not a web page's, full of markdown; the room for the facts shrinks as the points grow
    const url = `javascript:${"**太字**_斜体_".repeat(30)}`;
    const base = {
      ...SOURCE,
      url,
      publisher: "出版社".repeat(700),
      author: "山田_太郎",
      passageCount: 3,
      characters: 10,
    };
    const seen = new Set<string>();
    for (let n = 3_700; n <= 3_900; n += n < 3_840 ? 20 : 1) {
      const embed = summaryToEmbed({ ...base, points: [{ text: "要".repeat(n), start: 0, end: n }] });
      expect(embedProblems(embed as Parameters<typeof embedProblems>[0])).toEqual([]);
      const value = embed.fields?.[0]?.value;
      if (value === undefined) continue;
      seen.add(value.includes("`") ? "excerpt" : value.includes("URL") ? "reason" : "none");
      // the code span is closed, and nothing of the URL is markdown outside it
      expect(value.match(/`/gu)?.length ?? 0, value).toBeOneOf([0, 2]);
      expect(value.replace(/`[^`]*`/gu, ""), value).not.toMatch(/(?:^|[^\\])[*_]/u);
    }
    // the excerpt, then the reason alone as the room shrinks
    expect([...seen]).toEqual(["excerpt", "reason"]);
  });

  it("cuts a long author, escaped, without escaping all of it", () => {
    const summary: Summary = { ...SOURCE, author: "*".repeat(2_000_000), points: [], passageCount: 1, characters: 10 };
    const started = performance.now();
    const value = summaryToEmbed(summary).fields?.[0]?.value ?? "";
    expect(performance.now() - started).toBeLessThan(400);
    expect(value).toMatch(/^1 段落 · 10 文字 · 著者: (?:\\\*)+…$/u);
    expect(value.length).toBeLessThanOrEqual(1_024);
  });

  it("shows … for a title whose first grapheme is longer than the room, never an empty title or link", () => {
    const title = `Z${"\u0336".repeat(500)}の記事`;
    const summary: Summary = { ...SOURCE, title, author: null, points: [], passageCount: 1, characters: 10 };
    expect(summaryToEmbed(summary).title).toBe(ELLIPSIS);
    const list = listToEmbed({ articles: [{ ...SOURCE, title }], page: 1, pageCount: 1, total: 1, first: 1 });
    expect(list.description).toMatch(/^1\. \[…\]\(https:\/\/example\.com\/kamakura\)\n/u);
  });

  it("shows a title whole, unlinked, where its URL leaves it too little room (a percent-encoded Japanese slug)", () => {
    const slug = encodeURIComponent("東京の下町で見つけた昔ながらの純喫茶と名物のナポリタンを食べ歩く休日の過ごし方");
    const url = `https://blog.example.jp/entry/2024/05/01/${slug}`;
    expect(url.length).toBe(392);
    const source = { ...SOURCE, title: "下町の純喫茶めぐり", url };
    const list = listToEmbed({ articles: [source], page: 1, pageCount: 1, total: 1, first: 1 });
    expect(list.description).toBe("1. 下町の純喫茶めぐり\n　2005年10月31日 · `a1b2c3d4e5f6`");
    const page: SearchPage = {
      query: "純喫茶",
      terms: ["純喫茶"],
      hits: [passage("純喫茶の段落です。", [], source)],
      page: 1,
      pageCount: 1,
      firstRank: 1,
      total: 1,
    };
    expect(searchToEmbed(page).fields?.[0]?.value).toBe(
      "純喫茶の段落です。\nテスト新聞 · 2005年10月31日 · `a1b2c3d4e5f6`",
    );
  });

  it("writes the markup of a linked title in full-width forms: Discord shows a backslash inside a link as written", () => {
    // livedoor's titles: 「[初心者向け]Twitterとは…」 was listed as 「\\[初心者向け\\]Twitterとは…」 (discord-api-docs#6185)
    const title = "[初心者向け]Twitter *入門* @IT <速報> C_言語 ~ `x` | a\\b";
    const list = (source: SourceRef) =>
      listToEmbed({ articles: [source], page: 1, pageCount: 1, total: 1, first: 1 }).description?.split("\n")[0];
    expect(list({ ...SOURCE, title })).toBe(
      "1. [［初心者向け］Twitter ＊入門＊ ＠IT ＜速報＞ C＿言語 ～ ｀x｀ ｜ a＼b](https://example.com/kamakura)",
    );
    // a link's text starts no line: what would be a heading or a list there is shown as written
    expect(list({ ...SOURCE, title: "\u200e# 見出し" })).toBe("1. [# 見出し](https://example.com/kamakura)");
    expect(list({ ...SOURCE, title: "1. はじめに" })).toBe("1. [1. はじめに](https://example.com/kamakura)");
    // not linked, it is escaped as any text
    expect(list({ ...SOURCE, title, url: "" })).toBe(
      "1. \\[初心者向け\\]Twitter \\*入門\\* \\@IT \\<速報\\> C\\_言語 \\~ \\`x\\` \\| a\\\\b",
    );
    // the publisher linked under a search hit, and the title cited under a passage of another article
    const source = { ...SOURCE, publisher: "@IT" };
    const page: SearchPage = {
      query: "段落",
      terms: ["段落"],
      hits: [passage("段落です。", [], source)],
      page: 1,
      pageCount: 1,
      firstRank: 1,
      total: 1,
    };
    expect(searchToEmbed(page).fields?.[0]?.value).toBe(
      "段落です。\n[＠IT · 2005年10月31日](https://example.com/kamakura) · `a1b2c3d4e5f6`",
    );
    const other = { ...SOURCE, articleId: "ffffffffffff", title, url: "https://example.com/other" };
    const answer: Answer = {
      question: "入門は？",
      questionType: "thing",
      terms: ["入門"],
      found: true,
      missing: [],
      notInLibrary: [],
      keyPoints: [keyPoint("入門です。", [])],
      passages: [passage("入門の段落です。", [], other)],
      suggestions: [],
    };
    expect(answerToEmbed(answer).fields?.[0]?.value).toBe(
      "入門の段落です。\n— [［初心者向け］Twitter ＊入門＊ ＠IT ＜速報＞ C＿言語 ～ ｀x｀ ｜ a＼b](https://example.com/other)",
    );
  });

  it("writes a count of thousands as /about does, in the list's title and pages and a search's", () => {
    const list = listToEmbed({ articles: [SOURCE], page: 2, pageCount: 1_200, total: 12_000, first: 11 });
    expect([list.title, list.footer?.text]).toEqual(["記事の一覧（全 12,000 件）", "2/1,200 ページ · 新しい順"]);
    const hits = [passage("寺の段落です。", [[0, 1]])];
    const page: SearchPage = {
      query: "寺",
      terms: ["寺"],
      hits,
      page: 300,
      pageCount: 1_200,
      firstRank: 1_496,
      total: 6_000,
    };
    expect(searchToEmbed(page).description).toBe("全 6,000 件中 1,496–1,496 件目（300/1,200 ページ）");
  });

  it("keeps a page of long titles and addresses within the description's limit at six-digit line numbers", () => {
    const articles = Array.from({ length: 10 }, (_, i) => ({
      ...SOURCE,
      articleId: `a1b2c3d4e5f${i}`,
      title: "長い見出し".repeat(80),
      url: `https://example.com/${"p".repeat(2_000)}${i}`,
    }));
    const list = listToEmbed({ articles, page: 100_000, pageCount: 100_000, total: 1_000_000, first: 999_991 });
    expect(list.description?.length).toBeLessThanOrEqual(4096);
    expect(list.description?.split("\n").filter((line) => /^\d+\. /u.test(line))).toHaveLength(10);
  });

  it("says an empty library is empty in the words the other replies use", () => {
    const embed = listToEmbed({ articles: [], page: 1, pageCount: 1, total: 0, first: 1 });
    expect(embed.description).toBe("ライブラリにまだ記事がありません。モデレーターが /article add で追加できます。");
  });

  it("lists articles with dates and ids", () => {
    const embed = listToEmbed({ articles: [SOURCE], page: 1, pageCount: 1, total: 1, first: 1 });
    expect(embed.description).toBe(
      "1. [鎌倉の寺と仮想化技術](https://example.com/kamakura)\n　2005年10月31日 · `a1b2c3d4e5f6`",
    );
  });

  it("shows the corpus size, index age, version and uptime", () => {
    const embed = aboutToEmbed({
      articles: 7367,
      passages: 52000,
      indexedAt: new Date("2024-01-01T00:00:00Z"),
      version: "0.1.0",
      startedAt: new Date("2024-01-01T00:00:00Z"),
      now: new Date("2024-01-02T03:04:05Z"),
    });
    expect(embed.fields?.map((f) => `${f.name}=${f.value}`)).toEqual([
      "記事=7,367 件",
      "段落=52,000 件",
      "索引の更新=<t:1704067200:R>",
      "バージョン=0.1.0",
      "稼働時間=1日3時間",
    ]);
    expect(embed.description?.split("\n")[0]).toBe("ライブラリの日本語記事から、出典つきで質問に答えるボットです。");
  });

  it("names commands as they are typed by default, and as the caller writes them when given a way", () => {
    expect([plainCommandRef("ask"), plainCommandRef("article", "add")]).toEqual(["/ask", "/article add"]);
    const info = {
      articles: 1,
      passages: 1,
      indexedAt: new Date(0),
      version: "0.1.0",
      startedAt: new Date(0),
      now: new Date(0),
    };
    expect(aboutToEmbed(info).description?.split("\n")[1]).toBe(
      "/ask で質問、/search で検索、/summary で記事の要約、メッセージのメニュー「記事を検索」でその話題の記事を探せます。",
    );
    // (the bot's marks before its mentions, INVISIBLE characters, are not shown: see markdownText)
    const mention = (name: string, sub?: string) =>
      `\u0013\u001c</${sub ? `${name} ${sub}` : name}:1300000000000000001>`;
    expect(aboutToEmbed(info, mention).description?.split("\n")[1]).toBe(
      "</ask:1300000000000000001> で質問、</search:1300000000000000001> で検索、</summary:1300000000000000001> で記事の要約、メッセージのメニュー「記事を検索」でその話題の記事を探せます。",
    );
    const empty = { articles: [], page: 1, pageCount: 1, total: 0, first: 1 };
    expect(listToEmbed(empty, mention).description).toBe(
      "ライブラリにまだ記事がありません。モデレーターが </article add:1300000000000000001> で追加できます。",
    );
  });

  it("says a notice's heading once: above the article's title, or as the title when it names none", () => {
    expect(noticeToEmbed({ heading: "記事を削除しました", source: SOURCE })).toMatchObject({
      author: { name: "記事を削除しました" },
      title: "鎌倉の寺と仮想化技術",
      url: "https://example.com/kamakura",
      footer: { text: "テスト新聞 · 2005年10月31日 · ID: a1b2c3d4e5f6" },
    });
    // before: {"author":{"name":"削除をやめました"},"title":"削除をやめました"}
    const cancelled = noticeToEmbed({ heading: "削除をやめました" });
    expect([cancelled.author, cancelled.title]).toEqual([undefined, "削除をやめました"]);
    const gone = noticeToEmbed({ heading: "この記事はすでに削除されています", lines: ["一行"] });
    expect([gone.author, gone.title, gone.description]).toEqual([
      undefined,
      "この記事はすでに削除されています",
      "一行",
    ]);
  });

  it.each([
    [0, "0秒"],
    [59_000, "59秒"],
    [61_000, "1分1秒"],
    [3_600_000, "1時間"],
  ])("formatDuration(%i) = %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
