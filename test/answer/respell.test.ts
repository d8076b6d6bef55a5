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
});
