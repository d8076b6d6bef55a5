import { beforeAll, describe, expect, it } from "vitest";
import { MAX_ANALYSED_SENTENCE, startOf, summarize } from "../../src/answer/summarize.ts";
import { createArticle } from "../../src/article/article.ts";
import { loadTokenizer, type Tokenizer } from "../../src/text/tokenizer.ts";
import { draft } from "../fixtures/ranking-articles.ts";

let tokenizer: Tokenizer;
beforeAll(async () => {
  tokenizer = await loadTokenizer();
});

/** The real tokenizer, counting the characters it is given. */
function counting(inner: Tokenizer): Tokenizer & { read: number } {
  return {
    read: 0,
    tokenize(text) {
      this.read += text.length;
      return inner.tokenize(text);
    },
  };
}

describe("summarize", () => {
  it("reads only the start of a sentence without an end, and still offers it whole", () => {
    // 200,000 characters separated by 、 alone: one sentence, which kuromoji read whole at every /summary
    const endless = "鎌倉の寺院建築について調べた記録、".repeat(12_000).slice(0, 200_000);
    const article = createArticle(
      draft(
        "endless",
        "鎌倉の寺院の記録",
        null,
        "鎌倉には禅宗の寺院が多く残っている。建長寺は鎌倉五山の第一位である。",
        endless,
        "円覚寺は北鎌倉駅のすぐ近くにある。",
      ),
      { by: "test", at: new Date("2025-01-01T00:00:00Z") },
    );
    const reader = counting(tokenizer);
    const points = summarize(reader, article, { points: 4, idf: () => 1 });
    expect(reader.read).toBeLessThan(MAX_ANALYSED_SENTENCE + 1_000);
    expect(points.map((p) => p.text.length)).toContain(endless.length);
    for (const p of points) expect(article.body.slice(p.start, p.end)).toBe(p.text);
  });

  it("offers a short article's own sentences when none is long enough to be a key point", () => {
    const at = { by: "test", at: new Date("2025-01-01T00:00:00Z") };
    // a notice: every sentence under 12 characters; before, no key point at all
    const notice = createArticle(
      draft("notice", "臨時休業のお知らせ", null, "本日は休業します。", "明日は営業します。"),
      at,
    );
    expect(summarize(tokenizer, notice, { idf: () => 1 }).map((p) => p.text)).toEqual([
      "本日は休業します。",
      "明日は営業します。",
    ]);
    // a long sentence beside short ones is the key point, as before
    const mixed = createArticle(
      draft("mixed", "営業のお知らせ", null, "本日は休業します。", "明日からは通常どおり午前十時から営業いたします。"),
      at,
    );
    expect(summarize(tokenizer, mixed, { idf: () => 1 }).map((p) => p.text)).toEqual([
      "明日からは通常どおり午前十時から営業いたします。",
    ]);
    // symbols say nothing: no key point
    const symbols = createArticle(draft("symbols", "記号だけ", null, "★☆★☆★。"), at);
    expect(summarize(tokenizer, symbols, { idf: () => 1 })).toEqual([]);
  });
});

describe("key points are statements", () => {
  const at = { by: "test", at: new Date("2025-01-01T00:00:00Z") };

  it("passes over the headings, spec rows, link labels and cut lines a plain-text article keeps", () => {
    // as livedoor's text keeps them: a site's name, a link restating the headline, a heading, a spec row,
    // a sentence cut by a line break; they repeat the title's words and were picked before the sentences
    const article = createArticle(
      draft(
        "eluga",
        "パナソニック、防水スマートフォン「ELUGA power」を発表",
        null,
        "ゼロから始めるスマートフォン",
        "■パナソニック、防水スマートフォン「ELUGA power」を発表 | ゼロから始めるスマートフォン",
        "パナソニックは防水に対応したスマートフォン「ELUGA power」を発表しました。",
        "■ELUGA powerの主な仕様",
        "本体価格：53,760円（ELUGA power）",
        "ELUGA powerは5インチの大画面に、",
        "防水スマートフォンとしては大容量の電池を搭載しています。",
        "発売は7月下旬の予定で、価格は5万円台になる見込みです。",
      ),
      at,
    );
    expect(summarize(tokenizer, article, { idf: () => 1 }).map((p) => p.text)).toEqual([
      "パナソニックは防水に対応したスマートフォン「ELUGA power」を発表しました。",
      "防水スマートフォンとしては大容量の電池を搭載しています。",
      "発売は7月下旬の予定で、価格は5万円台になる見込みです。",
    ]);
  });

  it("counts a sentence ending on a predicate without 。, and a quote, as statements", () => {
    const article = createArticle(
      draft(
        "quotes",
        "新機種の評判",
        "2012-06-01",
        "■新機種の評判について街で聞いた",
        "新機種を手にした人の多くが画面の大きさに驚いている",
        "「電池が一日もつのがうれしい」",
        "評判の新機種の画面サイズ：5インチ",
      ),
      at,
    );
    expect(summarize(tokenizer, article, { points: 2, idf: () => 1 }).map((p) => p.text)).toEqual([
      "新機種を手にした人の多くが画面の大きさに驚いている",
      "「電池が一日もつのがうれしい」",
    ]);
  });

  it("reads a sentence's end past the laughs, emoticons and marks after it", () => {
    const article = createArticle(
      draft(
        "laughs",
        "新機種を使ってみた",
        null,
        "・【レビュー】新機種を使ってみた",
        "新機種の画面が本当に楽しかったです（笑）",
        "新機種はどこでも絶対に持って行きたいｗｗ",
        "新機種は2012年7月19日に発売しました(^^)",
        "まさか新機種がこんなに軽いとは思わなかった……",
        "新機種のカメラが大好きです♪",
      ),
      at,
    );
    const points = summarize(tokenizer, article, { points: 5, idf: () => 1 }).map((p) => p.text);
    // the related link's label, on a verb after a list mark, is left for when no statement is
    expect(points).not.toContain("・【レビュー】新機種を使ってみた");
    expect(points).toHaveLength(5);
  });

  it("ends a sentence on 。！？‼ and a period, not on the marks of a caption", () => {
    const article = createArticle(
      draft(
        "marks",
        "新製品の評判",
        null,
        "新製品のデザインと評判★",
        "新製品のデザインが大評判‼",
        "新製品のカメラの画質が評判です♪",
        "新製品の発表会の会場の様子...",
      ),
      at,
    );
    const points = summarize(tokenizer, article, { points: 2, idf: () => 1 }).map((p) => p.text);
    expect(points).toEqual(["新製品のデザインが大評判‼", "新製品のカメラの画質が評判です♪"]);
  });

  it("reads the end of a one-line sentence of a megabyte in its last characters", () => {
    // brackets without a word between them: a pattern read from every ( to the end would be quadratic
    const article = createArticle(draft("brackets", "括弧だらけ", null, `説明です${"(".repeat(1_000_000)}`), at);
    expect(summarize(tokenizer, article, { idf: () => 1 })).toHaveLength(1);
  });

  it("still gives as many key points as asked when statements run out", () => {
    const article = createArticle(
      draft(
        "specs",
        "新型ノートPCの仕様",
        null,
        "新型ノートPCは軽さが特長の一台です。",
        "OS：Windows 7 Home Premium 64bit",
        "CPU：インテル Core i5-2467M プロセッサー",
        "メモリー：4GB（DDR3 SDRAM）",
      ),
      at,
    );
    const points = summarize(tokenizer, article, { points: 3, idf: () => 1 }).map((p) => p.text);
    expect(points).toHaveLength(3);
    expect(points).toContain("新型ノートPCは軽さが特長の一台です。");
  });
});

describe("startOf", () => {
  it("cuts a text's start to a length, one unit short rather than split a surrogate pair", () => {
    expect(startOf("吉野𠮷家", 2)).toBe("吉野");
    expect(startOf("吉野𠮷家", 3)).toBe("吉野");
    expect(startOf("吉野𠮷家", 4)).toBe("吉野𠮷");
    expect(startOf("𠮷", 1)).toBe("");
    expect(startOf("吉野", 5)).toBe("吉野");
  });
});
