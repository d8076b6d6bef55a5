import { describe, expect, it } from "vitest";
import { bodyBlocks, createArticle } from "../../src/article/article.ts";
import { UserFacingError } from "../../src/errors.ts";
import { extractHtml } from "../../src/ingest/extract-html.ts";
import { stripSiteName } from "../../src/ingest/page-metadata.ts";
import { LIBRARY_PAGE, pageHtml, RAILWAY_PAGE } from "./pages.ts";

const URL = "https://news.example.jp/articles/2024/0401.html";

function paragraphsOf(html: string, url = URL) {
  return extractHtml(html, { url })
    .draft.blocks.filter((b) => b.kind === "paragraph")
    .map((b) => b.text);
}

/** The paragraphs a table's rows become, on a page with a paragraph before and after it. */
function rowsOf(rows: string): string[] {
  const html = `<html><head><title>料金</title></head><body><article><h1>料金</h1>
    <p>${"サービスの料金プランを紹介する。".repeat(10)}</p><table>${rows}</table>
    <p>${"以上が料金である。".repeat(10)}</p></article></body></html>`;
  return paragraphsOf(html).slice(1, -1);
}

describe("extractHtml", () => {
  it("finds the headline, byline, date, site, lead and body of a news page, and nothing of its chrome", () => {
    const { draft, lead, siteName } = extractHtml(pageHtml(LIBRARY_PAGE), { url: URL });
    expect(draft.title).toBe(LIBRARY_PAGE.title); // « - しおり新聞 » cut off
    // the visible byline wins over <meta name="author">, which names the publishing company
    expect(draft.author).toBe(LIBRARY_PAGE.author);
    expect(draft.publishedAt).toBe("2024-04-01T10:30:00+09:00");
    expect(siteName).toBe("しおり新聞");
    expect(draft.publisher).toBe("しおり新聞");
    expect(draft.url).toBe(URL);
    expect(draft.sourceFormat).toBe("html");
    // paragraphs as written, the ideographic indent trimmed
    expect(paragraphsOf(pageHtml(LIBRARY_PAGE))).toEqual(LIBRARY_PAGE.paragraphs);
    expect(lead).toBe(LIBRARY_PAGE.paragraphs[0]);
    // the photo caption is metadata, not body text
    expect(draft.captions).toEqual([LIBRARY_PAGE.caption]);
    const body = createArticle(draft, { by: "test", at: new Date(0) }).body;
    for (const chrome of ["アクセスランキング", "Copyright", "スポーツ", LIBRARY_PAGE.caption as string]) {
      expect(body).not.toContain(chrome);
    }
  });

  it("takes the author and date from JSON-LD when the page has it", () => {
    const html = pageHtml(RAILWAY_PAGE, { jsonLd: true }).replace(
      `<span class="author">${RAILWAY_PAGE.author}</span>`,
      '<span class="author">編集部</span>',
    );
    const { draft } = extractHtml(html, { url: URL });
    expect(draft.author).toBe(RAILWAY_PAGE.author);
    expect(draft.publishedAt).toBe("2024-05-20T08:00:00+09:00");
  });

  it("reads a Japanese date line when the page has no machine-readable date", () => {
    const html = pageHtml(RAILWAY_PAGE)
      .replace(/<meta property="article:published_time"[^>]*>/u, "")
      .replace("2024年4月1日", "2024年5月20日 8:00");
    expect(extractHtml(html, { url: URL }).draft.publishedAt).toBe("2024-05-20T08:00:00+09:00");
  });

  it("reads meta tags written with value= instead of content=, as some saved pages have them", () => {
    const html = pageHtml(RAILWAY_PAGE)
      .replaceAll(/<meta (property|name)="([^"]+)" content="([^"]*)">/gu, '<meta value="$3" $1="$2">')
      .replace(/<title>[^<]*<\/title>/u, "<title>別の見出し</title>");
    const { draft } = extractHtml(html, { url: URL });
    expect(draft.title).toBe(RAILWAY_PAGE.title);
    expect(draft.publishedAt).toBe("2024-05-20T08:00:00+09:00");
  });

  it("stores the canonical URL when it is on the same site, and ignores one pointing elsewhere", () => {
    const same = "https://news.example.jp/articles/0401";
    expect(extractHtml(pageHtml(LIBRARY_PAGE, { canonical: same }), { url: `${URL}?utm_source=x` }).draft.url).toBe(
      same,
    );
    const other = "https://other.example.com/stolen";
    const result = extractHtml(pageHtml(LIBRARY_PAGE, { canonical: other }), { url: URL });
    expect(result.draft.url).toBe(URL);
    expect(result.canonicalUrl).toBe(other);
    // a file with no address of its own takes the canonical one
    expect(extractHtml(pageHtml(LIBRARY_PAGE, { canonical: same })).draft.url).toBe(same);
  });

  it("lets the moderator's title win", () => {
    expect(extractHtml(pageHtml(LIBRARY_PAGE), { url: URL, title: "図書館の新館" }).draft.title).toBe("図書館の新館");
  });

  it("still finds the text of a page too short for the reader view", () => {
    const html =
      "<html><head><title>短いお知らせ - 町内会</title></head><body><nav>メニュー</nav><main><p>明日の清掃は雨天中止です。</p></main></body></html>";
    const { draft } = extractHtml(html, { url: URL });
    expect(draft.title).toBe("短いお知らせ - 町内会");
    expect(paragraphsOf(html)).toEqual(["明日の清掃は雨天中止です。"]);
  });

  it("keeps headings as headings and table rows as one paragraph each", () => {
    const html = `<html><head><title>仕様</title></head><body><article><h1>仕様</h1>
      <p>${"新製品の仕様を紹介する。".repeat(20)}</p><h2>主な仕様</h2>
      <table><tr><th>重さ</th><td>1.2kg</td></tr><tr><th>電池</th><td>約10時間</td></tr></table>
      <p>${"価格はオープンで、店頭では約5万円の見込み。".repeat(10)}</p></article></body></html>`;
    const blocks = extractHtml(html, { url: URL }).draft.blocks;
    expect(blocks.map((b) => b.kind)).toEqual(["paragraph", "heading", "paragraph", "paragraph", "paragraph"]);
    expect(blocks[1]?.text).toBe("主な仕様");
    expect(blocks[2]?.text).toBe("重さ: 1.2kg");
  });

  it("says each cell of a table after its column's heading, so that a row answers alone", () => {
    expect(
      rowsOf(
        "<thead><tr><th>プラン</th><th>月額</th></tr></thead><tbody><tr><td>ベーシック</td><td>500円</td></tr><tr><td>プレミアム</td><td>1,200円</td></tr></tbody>",
      ),
    ).toEqual(["プラン: ベーシック / 月額: 500円", "プラン: プレミアム / 月額: 1,200円"]);
    // a row heading and column headings; an empty corner
    expect(rowsOf("<tr><td></td><th>月額</th><th>年額</th></tr><tr><th>A</th><td>1円</td><td>10円</td></tr>")).toEqual([
      "A / 月額: 1円 / 年額: 10円",
    ]);
    // a heading spanning two columns heads both
    expect(
      rowsOf('<tr><th colspan="2">料金</th><th>備考</th></tr><tr><td>月</td><td>5円</td><td>税込</td></tr>'),
    ).toEqual(["料金: 月 / 料金: 5円 / 備考: 税込"]);
    // a heading row alone is kept; a table without headings is read as before
    expect(rowsOf("<tr><th>プラン</th><th>月額</th></tr>")).toEqual(["プラン / 月額"]);
    expect(rowsOf("<tr><td>a</td><td>b</td></tr>")).toEqual(["a / b"]);
  });

  it("lays a table out in columns as HTML does: rows spanned from above, two heading rows, section rows", () => {
    // 東京 spans two rows: 渋谷店 is in the shop column, and the row says its region too
    expect(
      rowsOf(
        "<tr><th>地域</th><th>店舗</th><th>料金</th></tr>" +
          '<tr><td rowspan="2">東京</td><td>新宿店</td><td>1,000円</td></tr><tr><td>渋谷店</td><td>1,200円</td></tr>' +
          '<tr><th colspan="3">大阪エリア</th></tr><tr><td>大阪</td><td>梅田店</td><td>900円</td></tr>',
      ),
    ).toEqual([
      "地域: 東京 / 店舗: 新宿店 / 料金: 1,000円",
      "地域: 東京 / 店舗: 渋谷店 / 料金: 1,200円",
      // a row of one cell across the table is a section's title, under no heading
      "大阪エリア",
      "地域: 大阪 / 店舗: 梅田店 / 料金: 900円",
    ]);
    // two heading rows are one heading: each column's headings joined
    expect(
      rowsOf(
        '<thead><tr><th rowspan="2">機種</th><th colspan="2">価格</th></tr><tr><th>税抜</th><th>税込</th></tr></thead>' +
          "<tbody><tr><td>A1</td><td>1,000円</td><td>1,100円</td></tr></tbody>",
      ),
    ).toEqual(["機種: A1 / 価格 税抜: 1,000円 / 価格 税込: 1,100円"]);
    // a table of heading cells only: its first row heads the others
    expect(
      rowsOf("<tr><th>名前</th><th>年齢</th></tr><tr><th>太郎</th><th>20</th></tr><tr><th>花子</th><th>22</th></tr>"),
    ).toEqual(["名前: 太郎 / 年齢: 20", "名前: 花子 / 年齢: 22"]);
    // a row of more cells than the headings is said as its cells, not under headings not theirs
    expect(
      rowsOf(
        "<tr><th>プラン</th><th>月額</th></tr><tr><td>A</td><td>1円</td></tr><tr><td>注</td><td>税込</td><td>年払いは割引</td></tr>",
      ),
    ).toEqual(["プラン: A / 月額: 1円", "注 / 税込 / 年払いは割引"]);
    // a rowspan stays in its row group: the body's first row is not under the heading's cell
    expect(
      rowsOf(
        '<thead><tr><th rowspan="5">品名</th><th>数</th></tr></thead><tbody><tr><td>りんご</td><td>3</td></tr></tbody>',
      ),
    ).toEqual(["品名: りんご / 数: 3"]);
  });

  it("reads a table of spans of thousands in bounded work", () => {
    // laid out whole, 100 rows of 30 cells each 1,000 columns wide and spanning every row below
    const cells = '<td colspan="1000" rowspan="65534">x</td>'.repeat(30);
    const html = `<html><head><title>表</title></head><body><article><h1>表</h1>
      <p>${"本文です。".repeat(60)}</p><table>${`<tr>${cells}</tr>`.repeat(100)}</table></article></body></html>`;
    const paragraphs = paragraphsOf(html);
    // a first cell fills the columns read (MAX_TABLE_COLUMNS); the cells beyond are said as they are
    expect(paragraphs.slice(1)).toEqual(Array(100).fill(Array(30).fill("x").join(" / ")));
  });

  it("refuses a page without body text, saying what to do", () => {
    const html = "<html><head><title>画像だけ</title></head><body><img src='a.png'></body></html>";
    expect(() => extractHtml(html, { url: URL })).toThrow(UserFacingError);
    expect(() => extractHtml(html, { url: URL })).toThrow(/本文/u);
  });

  it("never runs the page's scripts", () => {
    const html = pageHtml(LIBRARY_PAGE).replace(
      "</body>",
      "<script>document.querySelector('h1').textContent = 'スクリプトが動いた'; globalThis.ran = true;</script></body>",
    );
    const { draft } = extractHtml(html, { url: URL });
    expect(draft.title).toBe(LIBRARY_PAGE.title);
    expect((globalThis as { ran?: boolean }).ran).toBeUndefined();
    expect(bodyBlocks(createArticle(draft, { by: "t", at: new Date(0) }).body).length).toBeGreaterThan(0);
  });
});

describe("stripSiteName", () => {
  it.each([
    ["見出し - しおり新聞", "しおり新聞", null, "見出し"],
    ["見出し｜しおり新聞", "しおり新聞", null, "見出し"],
    ["しおり新聞 | 見出し", "しおり新聞", null, "見出し"],
    // no site name known: the <h1> shows what the headline is
    ["見出しです - ニュースサイト", null, "見出しです", "見出しです"],
    // a long tail after ／ is a subtitle, part of the headline
    [
      "アプリが対応へ ～テスト版／個人と業務のタスクを別のアカウントで管理したいというニーズに対応",
      "窓の杜",
      "アプリが対応へ ～テスト版",
      "アプリが対応へ ～テスト版／個人と業務のタスクを別のアカウントで管理したいというニーズに対応",
    ],
    // a headline with a separator of its own and no site name to match stays whole
    ["Xen 3.0 - 仮想化の次の一手", null, null, "Xen 3.0 - 仮想化の次の一手"],
  ])("%s → %s", (title, siteName, h1, expected) => {
    expect(stripSiteName(title, { siteName, h1 })).toBe(expected);
  });
});

describe("extractHtml, bylines and dates in the content", () => {
  it("drops a byline or date line but keeps a date inside a sentence", () => {
    const html = `<html><head><title>開館のお知らせ</title></head><body><article><h1>開館のお知らせ</h1>
      <div class="byline">文：山田 花子</div><p class="publish-date">2024年4月1日 10:30</p>
      <p>${"新しい図書館は".repeat(1)}<time datetime="2024-04-01">4月1日</time>に<span class="date">駅前で</span>開館した。${"蔵書は約20万冊になる。".repeat(20)}</p>
      </article></body></html>`;
    const { draft } = extractHtml(html, { url: URL });
    expect(draft.author).toBe("山田 花子");
    expect(draft.publishedAt).toBe("2024-04-01T10:30:00+09:00");
    const paragraphs = draft.blocks.map((b) => b.text);
    expect(paragraphs).toHaveLength(1);
    expect(paragraphs[0]).toMatch(/^新しい図書館は4月1日に駅前で開館した。/u);
  });
});

describe("extractHtml, pages shaped to stall the extractor", () => {
  const page = (body: string) =>
    `<html><head><title>検査</title></head><body><article><h1>検査</h1>${body}</article></body></html>`;
  const refused = (html: string) => {
    try {
      extractHtml(html);
    } catch (err) {
      return err instanceof UserFacingError ? err.message : `not a UserFacingError: ${err}`;
    }
    return "extracted";
  };

  it("refuses nesting deeper than any article's, with a message, before it is parsed or read", () => {
    // 2,000 levels took 141 s in Readability, and 5,000 overflowed the stack
    for (const tag of ["div", "aside"]) {
      const html = page(`${`<${tag}>`.repeat(5000)}${"本文です。".repeat(40)}${`</${tag}>`.repeat(5000)}`);
      expect(refused(html)).toContain("構造が複雑すぎる");
    }
    // nesting the parser makes of tags left open (<li>) or inline, is measured after parsing
    expect(refused(page(`${"<li><ul>".repeat(200)}本文です。`))).toContain("構造が複雑すぎる");
    expect(refused(page(`<p>${"<b>".repeat(300)}本文です。</p>`))).toContain("構造が複雑すぎる");
    // a comment, or a comment's or a style's text that looks like another, hides nothing after it
    const deep = `${"<div>".repeat(5000)}本文です。${"</div>".repeat(5000)}`;
    for (const before of ["<!-->", "<!--->", "<!-- <script -->", "<style>a::before{content:'<!--'}</style>"]) {
      expect(refused(page(before + deep))).toContain("構造が複雑すぎる");
    }
  }, 5000);

  it("keeps a sloppy page: unclosed inline tags, markup in scripts", () => {
    const text = "本文です。".repeat(60);
    expect(refused(page(`<ul>${"<li><span>項目</li>".repeat(1001)}</ul><p>${text}</p>`))).toBe("extracted");
    expect(refused(page(`<script>${"x+='<div>';".repeat(1001)}</script><p>${text}</p>`))).toBe("extracted");
    expect(refused(page(`${"<font size=2>行<br>".repeat(150)}<p>${text}</p>`))).toBe("extracted");
  });

  it("refuses a page of more <h1> than any article has", () => {
    const html = page(`${"<h1>日本語の見出し</h1>".repeat(12_000)}<p>${"本文です。".repeat(40)}</p>`);
    expect(refused(html)).toContain("構造が複雑すぎる");
    expect(refused(page(`${"<h1>見出し</h1>".repeat(3)}<p>${"本文です。".repeat(60)}</p>`))).toBe("extracted");
  }, 5000);

  it("refuses a table longer than an article's", () => {
    const html = page(
      `<table>${"<tr><td>a</td><td>b</td></tr>".repeat(1500)}</table><p>${"本文です。".repeat(40)}</p>`,
    );
    expect(refused(html)).toContain("構造が複雑すぎる");
  }, 5000);

  it("keeps a page of ordinary shape, and reads a paragraph of thousands of date spans once", () => {
    const body = `<p>${'<span class="date">1</span>'.repeat(4000)}</p><p>${"本文です。".repeat(60)}</p>`;
    const { draft } = extractHtml(page(body));
    expect(draft.blocks.map((b) => b.text)).toContain("本文です。".repeat(60));
    expect(refused(page(`<table>${"<tr><td>a</td></tr>".repeat(50)}</table><p>${"本文です。".repeat(60)}</p>`))).toBe(
      "extracted",
    );
  }, 5000);

  it("refuses more elements than any article has before it parses them, counting none in scripts", () => {
    // 655,000 <b> in 5 MB took 8.7 s to parse, then more than 512 MB
    const error = (() => {
      try {
        extractHtml(page(`<p>${"<b>x</b>".repeat(60_000)}</p>`));
      } catch (err) {
        return err as UserFacingError;
      }
      return null;
    })();
    expect(error?.message).toContain("構造が複雑すぎる");
    expect(error?.detail).toBe("extract: page refused, markup of over 50000 elements");
    const text = "本文です。".repeat(60);
    expect(
      refused(page(`<script>${"x+='<b>';".repeat(60_000)}</script><!--${"<b>".repeat(60_000)}--><p>${text}</p>`)),
    ).toBe("extracted");
  }, 5000);

  it("reads an unclosed run of tags in one pass", () => {
    // read to its end, and refused for want of text (a missing title is createArticle's to refuse)
    expect(refused("<div".repeat(200_000))).toContain("本文を取り出せませんでした");
  }, 5000);
});
