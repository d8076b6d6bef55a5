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

describe("startOf", () => {
  it("cuts a text's start to a length, one unit short rather than split a surrogate pair", () => {
    expect(startOf("吉野𠮷家", 2)).toBe("吉野");
    expect(startOf("吉野𠮷家", 3)).toBe("吉野");
    expect(startOf("吉野𠮷家", 4)).toBe("吉野𠮷");
    expect(startOf("𠮷", 1)).toBe("");
    expect(startOf("吉野", 5)).toBe("吉野");
  });
});
