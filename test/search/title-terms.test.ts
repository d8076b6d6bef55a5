import { describe, expect, it } from "vitest";
import { PassageIndex } from "../../src/search/index.ts";

// Terms as analyze() gives them, space-joined.
function library(): PassageIndex {
  const index = new PassageIndex();
  index.addArticle("mahler", "グスタフ マーラ", [
    // repeats the title's words, says nothing about a marriage
    { id: "mahler:0", text: "グスタフ マーラ マーラ 交響曲 作曲 指揮" },
    // the passage that answers 「グスタフ・マーラーが結婚したのは…」
    { id: "mahler:1", text: "1902 年 マーラ アルマ 結婚 ウィーン" },
    { id: "mahler:2", text: "マーラ 交響曲 初演 成功" },
  ]);
  index.addArticle("bruckner", "ブルックナー", [
    { id: "bruckner:0", text: "ブルックナー 交響曲 作曲 オルガン" },
    { id: "bruckner:1", text: "ブルックナー 教会 指揮 結婚 生涯 独身 人" },
  ]);
  index.addArticle("rikyu", "茶道 歴史 千利休", [
    { id: "rikyu:0", text: "千利休 茶道 大成 わび茶" },
    { id: "rikyu:1", text: "茶会 作法 道具" },
  ]);
  index.addArticle("bell", "除夜 鐘 由来", [{ id: "bell:0", text: "人 煩悩 108 人 鐘 人" }]);
  return index;
}

describe("PassageIndex.search: the title's words", () => {
  it("choose the article; the question's other words choose the passage within it", () => {
    const hits = library().search(["グスタフ", "マーラ", "結婚"]);
    expect(hits[0]?.id).toBe("mahler:1");
    // the other article that mentions a marriage comes after the passages about Mahler
    expect(hits.findIndex((h) => h.id === "bruckner:1")).toBeGreaterThan(hits.findIndex((h) => h.id === "mahler:0"));
  });

  it("count for nothing in choosing among the article's passages, neither in score nor in number", () => {
    // 「ラオスの首都は？」: every passage of the article may say ラオス; the one about the capital need not
    const index = new PassageIndex();
    index.addArticle("laos", "ラオス", [
      { id: "laos:0", text: "ラオス 東南 アジア 内陸 国 首都 人口 通貨 キープ 加盟 国" },
      { id: "laos:1", text: "首都 ヴィエンチャン 行政 区 県 構成" },
      { id: "laos:2", text: "ラオス 歴史 王国 建国 ラオス 王朝" },
    ]);
    index.addArticle("thai", "タイ", [{ id: "thai:0", text: "タイ 首都 バンコク 人口" }]);
    const hits = index.search(["ラオス", "首都"]);
    // the capital's own passage first: the one that says ラオス too holds no more of what is asked
    expect(hits.map((h) => h.id).slice(0, 2)).toEqual(["laos:1", "laos:0"]);
  });

  it("still bring the article first when they are the question's only distinctive word", () => {
    // 「千利休って何をした人だっけ？」: 人 is everywhere, 千利休 is in one title
    expect(library().search(["千利休", "人"])[0]?.id).toBe("rikyu:0");
  });

  it("bring the article's passages in with the words they hold, when the search's best cut them off", () => {
    // 「年収1000万の人が選ぶ理想の部下 女性の1位だれ？」: 女性 and 1位 are in many passages, and the one that
    // answers, whose article's title says 理想 and 部下, was not among the search's best; it was left out
    // as one "the search had ranked already"
    const index = new PassageIndex();
    for (let i = 0; i < 6; i++) {
      index.addArticle(`other${i}`, `ランキング ${i}`, [{ id: `other${i}:0`, text: "女性 1 位 女性 1 位 女性" }]);
    }
    index.addArticle("boss", "年収 理想 部下", [
      { id: "boss:0", text: "年収 1000 万 人 理想 部下 調査 結果" },
      { id: "boss:1", text: "男性 1 位 女性 1 位 蓮舫 長い 説明 続く 文章 言葉 並ぶ" },
    ]);
    const terms = ["年収", "理想", "部下", "女性", "1", "位"];
    expect(index.search(terms, 500).findIndex((h) => h.id === "boss:1")).toBeLessThan(3);
    // with only the search's best 2: before, boss:1 was not among the hits at all
    const hits = index.search(terms, 2);
    expect(hits.findIndex((h) => h.id === "boss:1")).toBeGreaterThanOrEqual(0);
    expect(hits.findIndex((h) => h.id === "boss:1")).toBeLessThan(3);
  });

  it("re-rank those passages with the question's common words, as the search's best are", () => {
    // 「…女性の1位だれ？」 on livedoor: 女性 and 1位 are in thousands of passages and only re-rank; the answer
    // holds a selecting word, was cut off by the search's best 100, and was brought in by its title without
    // the common words' credit, below its article's passage that held fewer of the question's words
    const index = new PassageIndex();
    for (let i = 0; i < 250; i++) index.addArticle(`c${i}`, `記事 ${i}`, [{ id: `c${i}:0`, text: "女性 1 位 記事" }]);
    for (let i = 0; i < 150; i++) index.addArticle(`a${i}`, `他 ${i}`, [{ id: `a${i}:0`, text: "選ぶ 選ぶ" }]);
    index.addArticle("boss", "理想 部下", [
      { id: "boss:0", text: "女性 1 位 調査 結果 発表" },
      { id: "boss:1", text: "選ぶ 女性 1 位 調査 結果 発表" },
    ]);
    const hits = index.search(["理想", "部下", "選ぶ", "女性", "1", "位"]);
    expect(hits.slice(0, 2).map((h) => h.id)).toEqual(["boss:1", "boss:0"]);
    // and so wherever the search's cut falls: /search asks for 501, where boss:1 is among the search's best
    // but below the 100 re-ranked
    const wide = index.search(["理想", "部下", "選ぶ", "女性", "1", "位"], 501);
    expect(wide.slice(0, 2).map((h) => h.id)).toEqual(["boss:1", "boss:0"]);
  });
});
