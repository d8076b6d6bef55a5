import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refersBack } from "../../src/answer/answer.ts";
import type { Engine } from "../../src/engine.ts";
import { analyze } from "../../src/text/analyze.ts";
import { loadTokenizer, type Tokenizer } from "../../src/text/tokenizer.ts";
import { engineWith, removeDir } from "../helpers/engine.ts";

let tokenizer: Tokenizer;
let engine: Engine;
let dir: string;
beforeAll(async () => {
  tokenizer = await loadTokenizer();
  ({ engine, dir } = await engineWith([
    {
      title: "梅雨の話",
      url: "https://example.jp/tsuyu",
      publisher: "テスト新聞",
      author: null,
      publishedAt: null,
      sourceFormat: "text",
      blocks: [
        "梅雨の時期に雨がほとんど降らない年もある。このような梅雨を空梅雨（からつゆ）という。空梅雨の年は夏の水不足が心配される。",
        // a short paragraph: it shares a passage with the next ones
        "梅雨明けの時期は地域で大きく異なる。",
        "これを梅雨前線の北上と関係づける説がある。",
        "沖縄の梅雨入りは5月上旬で、本州より一か月ほど早い。",
      ].map((text) => ({ kind: "paragraph", text })),
      captions: [],
      links: [],
      related: [],
    },
  ]));
});
afterAll(() => removeDir(dir));

describe("a sentence that points back at the one before it", () => {
  it.each<[string, boolean]>([
    ["このような梅雨を空梅雨という。", true],
    ["それらを深層ウェブと呼ぶ。", true],
    ["後者はリズムを刻む。", true],
    ["同年5月に退任した。", true],
    ["翌5月には放送を終えた。", true],
    ["翌年には首相となる。", true],
    // a conjunction and a comma before the pointer
    ["また、これを送り梅雨と呼ぶ。", true],
    ["梅雨は六月に始まる。", false],
    // 小さな is a 連体詞 too, but points at nothing
    ["小さな島が多い。", false],
    // これ later in the sentence points inside it
    ["雷を伴う雨が多く、これを送り梅雨と呼ぶ。", false],
  ])("%s → %s", (sentence, expected) => {
    expect(refersBack(analyze(tokenizer, sentence))).toBe(expected);
  });
});

describe("key points", () => {
  it("show a sentence that points back together with the sentence it points at", () => {
    const answer = engine.ask("梅雨の時期に雨がほとんど降らないことを何という？");
    expect(answer.keyPoints[0]?.text).toBe(
      "梅雨の時期に雨がほとんど降らない年もある。このような梅雨を空梅雨（からつゆ）という。",
    );
    // the first sentence alone overlaps that key point: it is not repeated as another one
    for (const k of answer.keyPoints.slice(1)) expect(k.text).not.toContain("雨がほとんど降らない年");
    const body = engine.article(answer.keyPoints[0]?.articleId ?? "")?.body ?? "";
    const first = answer.keyPoints[0];
    expect(first && body.slice(first.start, first.end)).toBe(first?.text);
  });

  it("do not join a sentence to the paragraph before it", () => {
    const passage = engine.search("梅雨前線の北上と関係づける説").hits[0];
    expect(passage?.text).toContain("異なる。\n\nこれを梅雨前線");
    const answer = engine.ask("梅雨前線の北上と関係づける説");
    expect(answer.keyPoints[0]?.text).toBe("これを梅雨前線の北上と関係づける説がある。");
  });

  it("keep a sentence that does not point back on its own", () => {
    const answer = engine.ask("沖縄の梅雨入りはいつ？");
    expect(answer.keyPoints[0]?.text).toBe("沖縄の梅雨入りは5月上旬で、本州より一か月ほど早い。");
  });
});
