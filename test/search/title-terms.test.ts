import { describe, expect, it } from "vitest";
import { PassageIndex } from "../../src/search/index.ts";

describe("PassageIndex.search: title words", () => {
  it("a question word found in the article's title picks the article, not the passage", () => {
    const index = new PassageIndex();
    // Terms as analyze() gives them, space-joined.
    index.addArticle("mahler", "グスタフ マーラ", [
      // repeats the title's words, says nothing about a marriage
      { id: "mahler:0", text: "グスタフ マーラ マーラ 交響曲 作曲 指揮" },
      // the passage that answers 「グスタフ・マーラーが結婚したのは…」
      { id: "mahler:1", text: "1902 年 マーラ アルマ 結婚 ウィーン" },
      { id: "mahler:2", text: "マーラ 交響曲 初演 成功" },
    ]);
    index.addArticle("bruckner", "ブルックナー", [
      { id: "bruckner:0", text: "ブルックナー 交響曲 作曲 オルガン" },
      { id: "bruckner:1", text: "ブルックナー 教会 指揮 結婚 生涯 独身" },
    ]);
    const hits = index.search(["グスタフ", "マーラ", "結婚"]);
    expect(hits[0]?.id).toBe("mahler:1");
    // Without the title's words the passages of the right article still come before the other article's.
    expect(hits.findIndex((h) => h.id === "bruckner:1")).toBeGreaterThan(hits.findIndex((h) => h.id === "mahler:0"));
  });
});
