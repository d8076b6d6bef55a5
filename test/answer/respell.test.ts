import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine.ts";
import { draft, RANKING_ARTICLES } from "../fixtures/ranking-articles.ts";
import { engineWith, removeDir } from "../helpers/engine.ts";

let engine: Engine;
let dir: string;
beforeAll(async () => {
  ({ engine, dir } = await engineWith([
    ...RANKING_ARTICLES,
    draft(
      "putter-mat",
      "ゴルフ好きへの贈り物",
      null,
      "迷彩柄が目を引くのは、リッチ アンド フェイマスのパターマット。価格は17,640円。",
      "ゴルフの練習には、室内で使えるパターマットが一枚あると便利だ。",
    ),
    draft("savings", "漫画家の貯金事情", null, "こんにちは、マキヒロチです！今の貯金額は30万円くらいです。"),
    draft("award", "助演女優賞の発表", null, "オクタヴィア・スペンサーが映画『ヘルプ』で助演女優賞を受賞した。"),
  ]));
});
afterAll(() => removeDir(dir));

describe("a question's word spelled otherwise than the library spells it", () => {
  it("is a katakana name written without the spaces an article puts in it", () => {
    // kuromoji reads リッチアンドフェイマス as one word the library does not know; the article says it as three
    const answer = engine.ask("リッチアンドフェイマスのパターマットっていくら？");
    expect(answer.keyPoints[0]?.text).toBe("迷彩柄が目を引くのは、リッチ アンド フェイマスのパターマット。");
    expect(answer.keyPoints[0]?.highlights.length).toBeGreaterThanOrEqual(3);
    expect(engine.search("リッチアンドフェイマス").hits[0]?.text).toContain("リッチ アンド フェイマス");
  });

  it("is a katakana name written with a ・ or a space the article does not put in it", () => {
    // kuromoji reads the article's マキヒロチ as one word it does not know, the question's as マキ and ヒロチ:
    // before, ヒロチ was a word no article holds, and the answer was refused as about another subject
    for (const question of ["マキ・ヒロチの貯金額いくら？", "マキ ヒロチの貯金額いくら？"]) {
      const answer = engine.ask(question);
      expect(answer.notInLibrary).toEqual([]);
      expect(answer.keyPoints[0]?.text).toContain("30万円");
    }
    // not across a comma or a sentence's end: two words there are two
    expect(engine.ask("マキ、ヒロチの貯金額いくら？").notInLibrary).toEqual(["マキ", "ヒロチ"]);
  });

  it("is a katakana name whose normalization changes its length, written without the article's ・", () => {
    // ヴィ is ビ once normalized: the word was not cut, and オクタヴィアスペンサー was named as in no article
    const answer = engine.ask("オクタヴィアスペンサーが受賞した賞は？");
    expect(answer.notInLibrary).toEqual([]);
    expect(answer.keyPoints[0]?.text).toContain("助演女優賞");
  });
});
