import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { namingWords } from "../../src/answer/question.ts";
import type { Answer } from "../../src/answer/types.ts";
import type { Engine } from "../../src/engine.ts";
import { answerToText } from "../../src/render/terminal.ts";
import { analyze } from "../../src/text/analyze.ts";
import { loadTokenizer } from "../../src/text/tokenizer.ts";
import { RANKING_ARTICLES } from "../fixtures/ranking-articles.ts";
import { engineWith, removeDir } from "../helpers/engine.ts";

let engine: Engine;
let dir: string;
beforeAll(async () => {
  ({ engine, dir } = await engineWith(RANKING_ARTICLES));
});
afterAll(() => removeDir(dir));

describe("the words that name what a question is about", () => {
  it.each<[string, string[]]>([
    // nouns, names and numbers; not what it says of them (発売, 移籍: サ変 nouns), nor the kind of answer
    ["iPhone 5の発売日はいつ？", ["iphone", "5"]],
    ["ダルビッシュの移籍先", ["ダルビッシュ"]],
    // the noun that closes it, and a kind noun, ask for what the answer gives
    ["富士山の山小屋の名前は？", ["富士山", "山小屋"]],
    ["節電のコツは？", []],
    ["梅雨の時期を教えてください", ["梅雨"]],
  ])("%s → %j", async (question, words) => {
    const tokens = analyze(await loadTokenizer(), question);
    expect(namingWords(tokens, null).map((t) => t.term)).toEqual(words);
  });
});

describe("an answer's missing words", () => {
  it("are the question's naming words that no key point says, nor its article's title, as the question writes them", () => {
    const answer = engine.ask("富士山の山頂の郵便局はいつ開く？");
    expect(answer.found).toBe(true);
    // kuromoji cuts 郵便 局: the word is shown whole
    expect(answer.missing).toEqual(["郵便局"]);
    expect(answer.keyPoints.map((k) => k.text).join("")).not.toContain("郵便");
  });

  it("are none when the key points say every word, or the title says it for them", () => {
    expect(engine.ask("富士山の山開きはいつ？").missing).toEqual([]);
    // the sentence leaves 富士山 to its article's title, 「富士山の夏山シーズンが始まる」
    const answer = engine.ask("富士山の山小屋の予約は？");
    expect(answer.keyPoints.map((k) => k.text)).toEqual([
      "山小屋の予約は年々取りにくくなっており、日帰りの弾丸登山には注意が呼びかけられている。",
    ]);
    expect(answer.missing).toEqual([]);
  });

  it("are none when nothing answers", () => {
    const answer = engine.ask("深海魚の寿命は？");
    expect(answer.found).toBe(false);
    expect(answer.missing).toEqual([]);
  });

  it("are shown in the terminal under the key points", () => {
    const answer: Answer = { ...engine.ask("富士山の山頂の郵便局はいつ開く？") };
    const text = answerToText(answer, { color: false });
    expect(text).toContain("※ 答えに含まれない語: 「郵便局」");
    expect(text.indexOf("※")).toBeLessThan(text.indexOf("出典の段落"));
  });
});
