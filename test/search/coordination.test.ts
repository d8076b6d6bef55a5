import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine.ts";
import { PassageIndex } from "../../src/search/index.ts";
import { COMPOUND_JOINER } from "../../src/text/analyze.ts";
import { draft, RANKING_ARTICLES } from "../fixtures/ranking-articles.ts";
import { engineWith, removeDir } from "../helpers/engine.ts";

let engine: Engine;
let dir: string;
beforeAll(async () => {
  ({ engine, dir } = await engineWith([
    ...RANKING_ARTICLES,
    // Articles on 結婚相手 (a compound: 結婚, 相手 and the pair term 結婚␟相手)...
    draft(
      "partner",
      "結婚相手に求める条件",
      null,
      "結婚相手に求める条件を尋ねたところ、収入を挙げた人は二割だった。価値観が合うことを挙げた人が最も多かった。",
      "結婚相手の年収を気にする人は年々減っている。家事を分け合えるかどうかを重く見る人が増えた。",
    ),
    draft(
      "partner2",
      "結婚相手の選び方",
      null,
      "結婚相手を選ぶときは、一緒にいて楽かどうかが大事だという声が多い。趣味の合う結婚相手を選ぶ人も増えている。",
    ),
    // ...and the one article about the person asked about, which does not say 結婚相手.
    draft(
      "person",
      "俳優のミナトヤが結婚",
      null,
      "俳優のミナトヤが、25歳年下の会社員の女性と結婚したことを明らかにした。二人は友人の紹介で知り合ったという。",
    ),
  ]));
});
afterAll(() => removeDir(dir));

describe("coordination (MiniSearch multiplies a passage's score by the question's words it holds)", () => {
  it("counts a compound as one word, not as its parts and their pair", () => {
    // 結婚相手 is one word of the question: the passage that holds ミナトヤ, 結婚 and 年下 holds more of them.
    const question = "ミナトヤの結婚相手って何歳年下？";
    expect(engine.search(question).hits[0]?.title).toBe("俳優のミナトヤが結婚");
    const answer = engine.ask(question);
    expect(answer.passages[0]?.title).toBe("俳優のミナトヤが結婚");
    expect(answer.keyPoints[0]?.text).toContain("25歳年下");
  });
});

describe("coordination where the compound's words are common (they re-rank, the pair selects)", () => {
  it("counts the words a passage holds, not a pair term that selected it", () => {
    // 日本 and 代表 in more than 2 % of 300 passages and more than 200: they re-rank only; the pair selects.
    const index = new PassageIndex();
    const pair = `日本${COMPOUND_JOINER}代表`;
    index.addArticle("compound", "", [{ id: "compound:0", text: `日本 代表 ${pair}` }]);
    index.addArticle("person", "", [{ id: "person:0", text: "ミナトヤ 日本 代表 選ぶ 会見 発表 監督 理由" }]);
    const filler = Array.from({ length: 300 }, (_, i) => ({ id: `filler:${i}`, text: `日本 代表 話題${i}` }));
    index.addArticle("filler", "", filler);
    const hits = index.search(["ミナトヤ", "日本", "代表", pair]).map((h) => h.id);
    // ミナトヤ, 日本 and 代表 are three words; 日本代表 is two, however its pair term selected it
    expect(hits[0]).toBe("person:0");
    expect(hits[1]).toBe("compound:0");
  });
});

describe("PassageIndex.together", () => {
  it("says whether some passage holds every one of the terms, and forgets removed passages", () => {
    const index = new PassageIndex();
    index.addArticle("a", "", [
      { id: "a:0", text: "メル カリ 店" },
      { id: "a:1", text: "メル 店" },
    ]);
    index.addArticle("b", "", [{ id: "b:0", text: "カリ 話" }]);
    expect(index.together(["メル", "カリ"])).toBe(true);
    expect(index.together(["メル", "カリ", "店"])).toBe(true);
    expect(index.together(["メル", "カリ", "話"])).toBe(false);
    expect(index.together(["メル", "知らない語"])).toBe(false);
    index.removeArticle("a", 2);
    expect(index.together(["メル", "カリ"])).toBe(false);
  });
});

describe("PassageIndex.inLibrary", () => {
  it("says whether a passage or a title holds the term, and forgets removed articles", () => {
    const index = new PassageIndex();
    index.addArticle("a", "題名 語", [{ id: "a:0", text: "本文 店" }]);
    index.addArticle("b", "", [{ id: "b:0", text: "話" }]);
    expect(index.inLibrary("店")).toBe(true);
    expect(index.inLibrary("題名")).toBe(true);
    expect(index.inLibrary("知らない語")).toBe(false);
    index.removeArticle("a", 1);
    expect(index.inLibrary("店")).toBe(false);
    expect(index.inLibrary("題名")).toBe(false);
    expect(index.inLibrary("話")).toBe(true);
  });
});
