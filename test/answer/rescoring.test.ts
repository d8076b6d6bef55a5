import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine.ts";
import { draft, RANKING_ARTICLES } from "../fixtures/ranking-articles.ts";
import { engineWith, removeDir } from "../helpers/engine.ts";

/** Paragraphs that each say 心配 twice, under a title that says it. */
const WORRIES = [
  "朝の電車が遅れないかと心配になり、心配で早く家を出る人がいる。駅に着くのは発車の三十分前で、ホームのベンチで本を読んで待つ。",
  "天気が崩れないかと心配になり、心配で傘を二本持つ人もいる。一本は鞄に、もう一本は職場の机の引き出しにいつも入れてある。",
  "財布を落とさないかと心配になり、心配で何度も鞄を確かめる。電車の中でも、店の前でも、改札を通る前にも手で触って確かめる。",
  "約束の時間を間違えていないかと心配になり、心配で何度も連絡する。相手からは、もう分かったから大丈夫だと返事が来るという。",
  "鍵を掛け忘れていないかと心配になり、心配で家に戻ることもある。戻ってみると鍵はいつも掛かっていて、また駅まで走ることになる。",
  "体調を崩さないかと心配になり、心配で毎朝熱を測る人もいる。記録は手帳に書き込み、一年分の体温が並ぶ手帳が何冊もたまった。",
  "仕事の出来が心配になり、心配で夜も眠れない人がいる。書類を何度も読み返し、送る前に同僚にも見てもらうのが習慣になった。",
];

let engine: Engine;
let dir: string;
beforeAll(async () => {
  ({ engine, dir } = await engineWith([
    ...RANKING_ARTICLES,
    // An article whose title and every passage say the common word of the question (心配) twice...
    draft("worry", "心配性の人が増えている", null, ...WORRIES),
    // ...and one that says its rare word (火山灰) once, where the question's subject is.
    draft(
      "ash",
      "噴火の後の暮らし",
      null,
      "噴火の後、町には火山灰が降り積もった。住民は屋根の灰を下ろし、車の窓を洗う日々が続いている。",
    ),
  ]));
});
afterAll(() => removeDir(dir));

describe("the passages scored again by their best sentence", () => {
  it("include other articles than the one whose title fills the first places", () => {
    // Every passage of 「心配性の人が増えている」 gains its title's score, and says 心配 twice: on BM25 alone
    // they fill the first places, and the passage on 火山灰 comes after them.
    const titles = engine.search("火山灰が心配", { pageSize: 10 }).hits.map((h) => h.title);
    expect(titles.slice(0, 6).every((t) => t === "心配性の人が増えている")).toBe(true);
    expect(titles).toContain("噴火の後の暮らし");
    // Its best sentence holds the rarer word: it answers.
    const answer = engine.ask("火山灰が心配");
    expect(answer.passages[0]?.title).toBe("噴火の後の暮らし");
    expect(answer.keyPoints[0]?.text).toBe("噴火の後、町には火山灰が降り積もった。");
  });
});

describe("a passage of another article scored again", () => {
  let library: { engine: Engine; dir: string };
  beforeAll(async () => {
    library = await engineWith([
      ...RANKING_ARTICLES,
      draft("worry", "心配性の人が増えている", null, ...WORRIES),
      draft("rain", "雨の日の通勤", null, "雨の日は電車が混む。駅の階段も滑りやすく、転ばないかと心配する人が多い。"),
    ]);
  });
  afterAll(() => removeDir(library.dir));

  it("stays where the search put it when it scores below all the best passages", () => {
    // 高尾山's lead says 電車 in passing (「都心から電車で1時間ほど」): it is read with the best passages,
    // scores below them all, and stays after the passages the search ranked above it.
    const titles = library.engine.ask("電車が心配", { passages: 10 }).passages.map((p) => p.title);
    const takao = titles.indexOf("高尾山、紅葉の見頃を迎える");
    expect(takao).toBeGreaterThan(0);
    expect(titles.slice(takao + 1)).not.toContain("心配性の人が増えている");
  });
});
