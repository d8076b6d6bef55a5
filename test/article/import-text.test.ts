import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bodyBlocks,
  createArticle,
  formatArticle,
  hasVisibleText,
  parseArticle,
  stripControls,
} from "../../src/article/article.ts";
import { importPlainText } from "../../src/article/import-text.ts";

/** A scraped news page in the Impress Watch shape (written for this test). */
const SCRAPE = `|
会見に臨む山田社長
|
株式会社テスト電機は4月1日、新しい掃除ロボットを発表した。価格は5万円。
同社によれば、部屋の形を覚えて効率よく掃除するという。
■ 発売は夏を予定
|
新製品の掃除ロボット
|
発売は7月を予定している。
■ URL
株式会社テスト電機
https://example.jp/
製品情報
https://example.jp/robot/
■ 関連記事
・ テスト電機、冷蔵庫の新製品を発表(2024/02/01)
( 鈴木 一郎 )
2024/04/01 11:05
`;

describe("importPlainText: the news scrape shape", () => {
  const draft = importPlainText(SCRAPE, {
    title: "テスト電機、掃除ロボットを発表",
    url: "https://news.example.jp/1.html",
  });

  it("keeps captions, links and related articles as metadata, not body", () => {
    expect(draft.captions).toEqual(["会見に臨む山田社長", "新製品の掃除ロボット"]);
    expect(draft.links).toEqual([
      { name: "株式会社テスト電機", url: "https://example.jp/" },
      { name: "製品情報", url: "https://example.jp/robot/" },
    ]);
    expect(draft.related).toEqual(["テスト電機、冷蔵庫の新製品を発表(2024/02/01)"]);
    const body = draft.blocks.map((b) => b.text).join("\n");
    for (const meta of [...draft.captions, "https://example.jp/", "鈴木", "2024/04/01"])
      expect(body).not.toContain(meta);
  });

  it("reads the byline, the timestamp (in JST) and the section headings", () => {
    expect(draft.author).toBe("鈴木 一郎");
    expect(draft.publishedAt).toBe("2024-04-01T11:05:00+09:00");
    expect(draft.blocks).toEqual([
      { kind: "paragraph", text: "株式会社テスト電機は4月1日、新しい掃除ロボットを発表した。価格は5万円。" },
      { kind: "paragraph", text: "同社によれば、部屋の形を覚えて効率よく掃除するという。" },
      { kind: "heading", text: "発売は夏を予定" },
      { kind: "paragraph", text: "発売は7月を予定している。" },
    ]);
  });

  it("takes the title and URL from the options, and the host as publisher when none is named", () => {
    expect(draft.title).toBe("テスト電機、掃除ロボットを発表");
    expect(draft.url).toBe("https://news.example.jp/1.html");
    expect(draft.publisher).toBe("news.example.jp");
  });

  it("reads a line of zero-width spaces as a blank one: no headline, no paragraph", () => {
    const draft = importPlainText("\u200b\u200b\n町の図書館が新しくなった\n\u200b\n本文の一行目です。\n");
    expect(draft.title).toBe("町の図書館が新しくなった");
    expect(draft.blocks).toEqual([{ kind: "paragraph", text: "本文の一行目です。" }]);
  });

  it("refuses a scrape without a headline when no title is given", () => {
    expect(() => importPlainText(SCRAPE)).toThrow(/見出し/u);
  });
});

describe("importPlainText: link sections", () => {
  it("keeps the prose after a リンク or URL heading of ordinary text (a Markdown file, pasted text)", () => {
    for (const heading of ["■ リンク", "■ URL"]) {
      const draft = importPlainText(
        `町内会だより\n今月の行事をお知らせします。\n${heading}\n町内会のページ\nhttps://town.example.jp/\n集合は午前9時です。\n雨天の場合は中止します。`,
      );
      expect(draft.title).toBe("町内会だより");
      expect(draft.blocks.map((b) => b.text)).toEqual([
        "今月の行事をお知らせします。",
        heading.slice(2),
        "町内会のページ",
        "https://town.example.jp/",
        "集合は午前9時です。",
        "雨天の場合は中止します。",
      ]);
      expect(draft.links).toEqual([]);
    }
  });

  it("puts back into the body the lines of a news scrape's ■ URL list that never got an address", () => {
    const scrape = SCRAPE.replace(
      "■ 関連記事",
      "製品の詳しい仕様は後日公開される。\n価格は変わる可能性がある。\n■ 関連記事",
    );
    const draft = importPlainText(scrape, { title: "題" });
    expect(draft.links).toEqual([
      { name: "株式会社テスト電機", url: "https://example.jp/" },
      { name: "製品情報", url: "https://example.jp/robot/" },
    ]);
    expect(draft.blocks.slice(-2).map((b) => b.text)).toEqual([
      "製品の詳しい仕様は後日公開される。",
      "価格は変わる可能性がある。",
    ]);
  });

  it("takes only the last content line as the byline, not an earlier line with the same text", () => {
    const scrape = SCRAPE.replace("発売は7月を予定している。", "発売は7月を予定している。\n( 鈴木 一郎 )");
    const draft = importPlainText(scrape, { title: "題" });
    expect(draft.author).toBe("鈴木 一郎");
    expect(draft.blocks.map((b) => b.text)).toContain("( 鈴木 一郎 )");
  });
});

describe("importPlainText: the livedoor shape", () => {
  const text =
    "http://news.livedoor.com/article/detail/1/\n2012-09-04T12:45:00+0900\n見出しの行\n本文の一行目。\n\n本文の二行目。\n";
  it("reads URL, time and headline from the first three lines", () => {
    const draft = importPlainText(text);
    expect(draft.url).toBe("http://news.livedoor.com/article/detail/1/");
    expect(draft.publishedAt).toBe("2012-09-04T12:45:00+09:00");
    expect(draft.title).toBe("見出しの行");
    expect(draft.blocks.map((b) => b.text)).toEqual(["本文の一行目。", "本文の二行目。"]);
    expect(draft.sourceFormat).toBe("livedoor");
  });

  it("writes out the character references of the HTML it was copied from, closed by their ;", () => {
    const draft = importPlainText(
      [
        "http://news.livedoor.com/article/detail/5/?a=1&amp;b=2",
        "2012-07-02T10:00:00+0900",
        "「ディフェリン&reg;ゲル」を発売",
        "ニキビ治療薬「ディフェリン&reg;ゲル0.1％」が&lt;新発売&gt;。Bluetooth&#174;対応。",
        "AT&T と &reg は、閉じる ; がないのでそのまま。",
        "改行の参照&#10;は行を分けず、&#xD800;は置き換えられる。",
      ].join("\n"),
    );
    expect(draft.url).toBe("http://news.livedoor.com/article/detail/5/?a=1&b=2");
    expect(draft.title).toBe("「ディフェリン®ゲル」を発売");
    expect(draft.blocks.map((b) => b.text)).toEqual([
      "ニキビ治療薬「ディフェリン®ゲル0.1％」が<新発売>。Bluetooth®対応。",
      "AT&T と &reg は、閉じる ; がないのでそのまま。",
      "改行の参照 は行を分けず、\ufffdは置き換えられる。",
    ]);
  });

  it("keeps a shop's product box out of the text, its product's name as a caption", () => {
    const draft = importPlainText(
      [
        "http://news.livedoor.com/article/detail/4/",
        "2012-07-02T10:00:00+0900",
        "見出し",
        "新しいルーターが発売された。",
        "",
        "BUFFALO 無線LANルーター WHR-G301N",
        "バッファロー(2009-12-05)",
        "販売元：Amazon.co.jp",
        "クチコミを見る",
        "",
        "本を紹介する文。続けて書かれた行。",
        "もう一行ある。",
        "さらに一行。",
        "そして一行。",
        "著者：山田 太郎",
        "販売元：Amazon.co.jp",
        "クチコミを見る",
      ].join("\n"),
    );
    expect(draft.blocks.map((b) => b.text)).toEqual([
      "新しいルーターが発売された。",
      // a run of more lines than a box holds is text: only the box's own lines go
      "本を紹介する文。続けて書かれた行。",
      "もう一行ある。",
      "さらに一行。",
      "そして一行。",
    ]);
    expect(draft.captions).toEqual(["BUFFALO 無線LANルーター WHR-G301N"]);
  });

  it("keeps lists of links to other articles out of the text, as related articles", () => {
    const draft = importPlainText(
      [
        "http://news.livedoor.com/article/detail/3/",
        "2012-07-02T10:00:00+0900",
        "見出し",
        "本文です。",
        "・本文の箇条書きはそのまま",
        "",
        "【関連記事】",
        "・ドコモでも同じ結果では？孫社長 SB幻滅発言に猛反論",
        "・不屈の精神力を持っているか！",
        "■【デジ通】の記事をもっと見る",
        "・キンドルが日本に参入する？",
        "末尾の本文。",
        // what something is recommended for is the article's own text, and so is a line after 】
        "【こんな人におすすめ】",
        "・肌のハリが気になる人",
        "【関連情報】・お客様相談室　0120-000-000",
        "【関連記事】",
      ].join("\n"),
    );
    expect(draft.blocks.map((b) => b.text)).toEqual([
      "本文です。",
      "・本文の箇条書きはそのまま",
      "末尾の本文。",
      "【こんな人におすすめ】",
      "・肌のハリが気になる人",
      "【関連情報】・お客様相談室　0120-000-000",
      // a heading with no list after it is kept: nothing is lost
      "【関連記事】",
    ]);
    expect(draft.related).toEqual([
      "ドコモでも同じ結果では？孫社長 SB幻滅発言に猛反論",
      "不屈の精神力を持っているか！",
      "キンドルが日本に参入する？",
    ]);
  });
});

describe("publication times", () => {
  const base = importPlainText("見出し\n本文です。\n二段落目です。");
  const at = new Date("2025-01-01T00:00:00Z");

  it("are stored in RFC 3339 form, whatever the source wrote", () => {
    for (const [given, stored] of [
      ["2012-09-04T12:45:00+0900", "2012-09-04T12:45:00+09:00"],
      ["2012-09-04T12:45+0900", "2012-09-04T12:45:00+09:00"],
      ["2012-09-04T12:45:00-0330", "2012-09-04T12:45:00-03:30"],
      ["2012-09-04T12:45:00.250Z", "2012-09-04T12:45:00.250Z"],
      ["2024-04-01T10:30:00+09:00", "2024-04-01T10:30:00+09:00"],
    ] as const) {
      expect(createArticle({ ...base, publishedAt: given }, { by: "t", at }).publishedAt).toBe(stored);
    }
  });

  it("without an offset in a livedoor file get the default one", () => {
    const draft = importPlainText("http://news.livedoor.com/article/detail/2/\n2012-09-04T12:45:00\n見出し\n本文。");
    expect(draft.publishedAt).toBe("2012-09-04T12:45:00+09:00");
  });

  it("read from an article file written before are given in RFC 3339 form too", () => {
    const file = formatArticle(createArticle(base, { by: "t", at })).replace(
      "published_at: null",
      "published_at: 2012-09-04T12:45:00+0900",
    );
    expect(parseArticle(file).publishedAt).toBe("2012-09-04T12:45:00+09:00");
  });
});

describe("importPlainText: plain text", () => {
  it("takes a short first line as the headline", () => {
    const draft = importPlainText("短い見出し\n本文です。\n二段落目です。");
    expect(draft.title).toBe("短い見出し");
    expect(draft.blocks).toHaveLength(2);
  });

  it("refuses empty or whitespace-only text with a Japanese message", () => {
    expect(() => importPlainText("", { title: "題" })).toThrow(/本文が見つかりませんでした/u);
    expect(() => importPlainText(" \n\u3000\n", { title: "題" })).toThrow(/本文/u);
  });

  it("says a headline alone lacks its body, not its headline", () => {
    expect(() => importPlainText("タイトルだけ\n")).toThrow(
      "本文が見つかりませんでした（見出し「タイトルだけ」だけのテキストです）。見出しの次の行から本文を書いてください。この行が本文なら、タイトルを指定してください（CLI では --title）。",
    );
    // a sentence alone is a body without a headline
    expect(() => importPlainText("本文だけです。\n")).toThrow(/^記事の見出しが見つかりませんでした。/u);
    // cut between graphemes: an emoji sequence stays whole
    expect(() => importPlainText(`${"あ".repeat(29)}👨‍👩‍👧末尾まで続く見出し`)).toThrow(
      `見出し「${"あ".repeat(29)}👨‍👩‍👧…」だけ`,
    );
    expect(() => importPlainText(`a${"𠮷".repeat(10)}${"あ".repeat(30)}`)).toThrow(
      `見出し「a${"𠮷".repeat(10)}${"あ".repeat(19)}…」だけ`,
    );
    // with a title given, a short line alone is the body
    expect(importPlainText("タイトルだけ\n", { title: "題" }).blocks).toEqual([
      { kind: "paragraph", text: "タイトルだけ" },
    ]);
  });

  it("says a title given blank is blank, not missing", () => {
    for (const blank of ["\u3000", " ", "\u200b"]) {
      expect(() => importPlainText("本文です。\n", { title: blank })).toThrow(
        "指定されたタイトルは空白か見えない文字だけです。見える文字でタイトルを指定してください（CLI では --title）。",
      );
    }
  });

  it("survives lone surrogates and CRLF", () => {
    const draft = importPlainText("見出し\r\n本文\ud800です。\r\n", {});
    expect(draft.blocks[0]?.text.isWellFormed()).toBe(true);
  });
});

describe("control characters", () => {
  const at = new Date("2025-01-01T00:00:00Z");
  const DIRTY = "\u001b[31m\u0007\u0000\u0085\u009b\u007f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069";
  const dirty = (text: string) => `${DIRTY}${text.slice(0, 2)}${DIRTY}${text.slice(2)}${DIRTY}`;
  const visible = (text: string) => text.replace(/\[31m/gu, "");

  it("are stripped from every field of an article, whatever the source", () => {
    const draft = importPlainText(dirty("見出しの行です\n本文の最初の段落です。\n二つ目の段落です。"), {
      url: "https://example.jp/a",
    });
    const article = createArticle(
      {
        ...draft,
        title: dirty("見出しの行です"),
        author: dirty("鈴木 一郎"),
        publisher: dirty("しおり新聞"),
        blocks: [{ kind: "heading", text: dirty("節の見出し") }, ...draft.blocks],
        captions: [dirty("写真の説明")],
        links: [{ name: dirty("リンク名"), url: "https://example.jp/" }],
        related: [dirty("関連記事の題")],
      },
      { by: "t", at },
    );
    const file = formatArticle(article);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters under test
    expect(file).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
    expect(visible(article.title)).toBe("見出しの行です");
    expect(visible(article.author ?? "")).toBe("鈴木 一郎");
    expect(visible(article.publisher)).toBe("しおり新聞");
    expect(visible(article.captions[0] ?? "")).toBe("写真の説明");
    expect(visible(article.links[0]?.name ?? "")).toBe("リンク名");
    expect(visible(article.related[0] ?? "")).toBe("関連記事の題");
    expect(bodyBlocks(article.body).map((b) => visible(b.text))).toEqual([
      "節の見出し",
      "本文の最初の段落です。",
      "二つ目の段落です。",
    ]);
    expect(parseArticle(file)).toEqual(article);
  });

  it("keep tabs in the body, and line breaks in a title become spaces", () => {
    const draft = importPlainText("見出し\n本文\tです。\n二段落目です。");
    const article = createArticle({ ...draft, title: "一行目\n二行目\t三" }, { by: "t", at });
    expect(article.title).toBe("一行目 二行目 三");
    expect(article.body).toContain("本文\tです。");
  });

  it("refuse a title made of nothing else, rather than store a file that cannot be read back", () => {
    const draft = importPlainText("見出し\n本文です。\n二段落目です。");
    expect(() => createArticle({ ...draft, title: "\u001b\u0007\u202e" }, { by: "t", at })).toThrow(/見出し/u);
  });

  it("refuse a title or a body that shows nothing: zero-width spaces, fillers, a lone surrogate", () => {
    const draft = importPlainText("見出し\n本文です。\n二段落目です。");
    for (const title of ["\u200b\u200b", "\ud800", "\u3164\ufe0f\u2060", "\ufeff\u00ad"]) {
      expect(() => createArticle({ ...draft, title }, { by: "t", at })).toThrow(/見出し/u);
    }
    // an HTML page's <p>&#8203;</p> paragraphs: what extraction keeps, but nothing to read
    const blocks = [{ kind: "paragraph" as const, text: "\u200b\u200b\u200b" }];
    expect(() => createArticle({ ...draft, blocks }, { by: "t", at })).toThrow(/本文/u);
  });
});

describe("article files", () => {
  const draft = importPlainText(SCRAPE, { title: "題: 「引用」と#記号", url: "https://news.example.jp/1.html" });
  const article = createArticle(draft, { by: "test", at: new Date("2025-01-01T00:00:00Z") });

  it("round-trip through Markdown with YAML front matter", () => {
    const parsed = parseArticle(formatArticle(article));
    expect(parsed).toEqual(article);
  });

  it("write headings as ## lines and escape paragraphs that would read as Markdown structure", () => {
    const tricky = createArticle(
      {
        ...draft,
        blocks: [
          { kind: "paragraph", text: "## 見出しではない" },
          { kind: "paragraph", text: "---" },
        ],
      },
      { by: "test", at: new Date() },
    );
    const parsed = parseArticle(formatArticle(tricky));
    expect(bodyBlocks(parsed.body).map((b) => [b.kind, b.text])).toEqual([
      ["paragraph", "## 見出しではない"],
      ["paragraph", "---"],
    ]);
  });

  it("give each block its place in the body", () => {
    for (const block of bodyBlocks(article.body)) expect(article.body.slice(block.start, block.end)).toBe(block.text);
  });

  it("get an id from the URL, stable when the text changes", () => {
    const changed = createArticle({ ...draft, blocks: draft.blocks.slice(1) }, { by: "x", at: new Date() });
    expect(changed.id).toBe(article.id);
    expect(changed.contentHash).not.toBe(article.contentHash);
    expect(article.id).toMatch(/^[0-9a-f]{12}$/u);
  });

  it("hash the same text the same way whatever its width or spacing", () => {
    const wide = createArticle(
      { ...draft, url: "", blocks: draft.blocks.map((b) => ({ ...b, text: ` ${b.text.replace("5", "５")} ` })) },
      { by: "x", at: new Date() },
    );
    expect(wide.contentHash).toBe(article.contentHash);
  });

  it("are refused with the file name when malformed", () => {
    expect(() => parseArticle("no front matter", "broken.md")).toThrow(/broken\.md/u);
    expect(() => parseArticle("---\ntitle: x\n---\nbody", "noid.md")).toThrow(/noid\.md lacks id/u);
  });

  it("keep a paragraph starting with a backslash as written", () => {
    const windows = createArticle(
      { ...draft, blocks: [{ kind: "paragraph", text: "\\\\server\\share に置いた。" }] },
      { by: "test", at: new Date() },
    );
    const parsed = parseArticle(formatArticle(windows));
    expect(bodyBlocks(parsed.body).map((b) => b.text)).toEqual(["\\\\server\\share に置いた。"]);
  });

  it("keep any paragraph text through formatArticle and parseArticle exactly (property)", () => {
    // Text as createArticle keeps it: one line, trimmed, no control characters, showing something (a
    // paragraph of a combining mark alone is dropped); starting often with what Markdown would read as
    // structure.
    const paragraph = fc
      .tuple(
        fc.constantFrom("", "\\", "\\\\", "#", "## ", "---", "- ", "> ", "|"),
        fc.string({ unit: "binary", maxLength: 40 }),
      )
      .map(([head, tail]) => head + tail)
      .filter((t) => hasVisibleText(t) && !/[\n\r]/u.test(t) && t === t.trim() && t === stripControls(t));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 5 }), (texts) => {
        const article = createArticle(
          { ...draft, blocks: texts.map((text) => ({ kind: "paragraph" as const, text })) },
          { by: "test", at: new Date("2025-01-01T00:00:00Z") },
        );
        const parsed = parseArticle(formatArticle(article));
        expect(bodyBlocks(parsed.body).map((b) => [b.kind, b.text])).toEqual(texts.map((t) => ["paragraph", t]));
        expect(parsed).toEqual(article);
      }),
      { numRuns: 300 },
    );
  });

  it("read back exactly what they store, whatever the text (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom("paragraph" as const, "heading" as const),
            text: fc.string({ unit: "binary", maxLength: 30 }),
          }),
          {
            minLength: 1,
            maxLength: 5,
          },
        ),
        (blocks) => {
          // one paragraph that shows: an article of nothing visible is refused (see hasVisibleText)
          const article = createArticle(
            { ...draft, blocks: [{ kind: "paragraph", text: "本文。" }, ...blocks] },
            { by: "test", at: new Date("2025-01-01T00:00:00Z") },
          );
          expect(parseArticle(formatArticle(article))).toEqual(article);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("text shaped to stall the importer", () => {
  it("reads a byline only in its parentheses, however long the line", () => {
    const draft = importPlainText(`見出し\n\n本文です。\n(${" ".repeat(20_000)}x\n（ 朝夷 剛士 ）`);
    expect(draft.author).toBe("朝夷 剛士");
    expect(importPlainText(`見出し\n\n本文です。\n（${"長".repeat(41)}）`).author).toBeNull();
  }, 3000);

  it("finds product boxes in one pass over thousands of their lines", () => {
    const lines = [
      "http://news.livedoor.com/article/detail/9/",
      "2012-09-04T12:45:00+0900",
      "見出し",
      "本文です。",
      "",
    ];
    const draft = importPlainText(
      [...lines, ...Array(200_000).fill("クチコミを見る"), "", "最後の本文です。"].join("\n"),
    );
    expect(draft.blocks.map((b) => b.text)).toEqual(["本文です。", "最後の本文です。"]);
  }, 3000);

  it("keeps a long run of spaces in a paragraph, written and read back", () => {
    const text = `あ${" ".repeat(100_000)}い`;
    const article = createArticle(importPlainText(`見出し\n\n${text}\n`), { by: "test", at: new Date(0) });
    const again = parseArticle(formatArticle(article));
    expect(bodyBlocks(again.body).map((b) => b.text)).toEqual([text]);
  }, 3000);
});
