import { describe, expect, it } from "vitest";
import {
  containsAnswer,
  firstHitRank,
  mrrAt,
  passageHits,
  percentile,
  recallAt,
  type Span,
} from "../../src/eval/metrics.ts";
import { lcsLength, rouge } from "../../src/eval/rouge.ts";

const paragraph: Span = { articleId: "a", start: 100, end: 300 };

describe("passageHits", () => {
  it.each<[string, Span, boolean]>([
    ["the paragraph itself", { articleId: "a", start: 100, end: 300 }, true],
    ["a window inside a long paragraph", { articleId: "a", start: 150, end: 300 }, true],
    [
      "a short paragraph joined to its neighbour: the passage holds it whole",
      { articleId: "a", start: 40, end: 300 },
      true,
    ],
    ["a passage that only overlaps the paragraph", { articleId: "a", start: 250, end: 400 }, false],
    ["the next paragraph", { articleId: "a", start: 302, end: 500 }, false],
    ["the same offsets in another article", { articleId: "b", start: 100, end: 300 }, false],
  ])("%s", (_why, passage, expected) => {
    expect(passageHits(passage, paragraph)).toBe(expected);
  });
});

describe("ranks", () => {
  const other: Span = { articleId: "b", start: 0, end: 10 };
  it("firstHitRank counts from 1 and is null when no passage stands for the paragraph", () => {
    expect(firstHitRank([paragraph, other], paragraph)).toBe(1);
    expect(firstHitRank([other, other, paragraph], paragraph)).toBe(3);
    expect(firstHitRank([other], paragraph)).toBeNull();
    expect(firstHitRank([], paragraph)).toBeNull();
  });

  it("recall and MRR follow their definitions; a missing rank counts as a miss", () => {
    const ranks = [1, 2, null, 7];
    expect(recallAt(ranks, 1)).toBe(0.25);
    expect(recallAt(ranks, 5)).toBe(0.5);
    expect(recallAt(ranks, 10)).toBe(0.75);
    expect(mrrAt(ranks, 10)).toBeCloseTo((1 + 1 / 2 + 1 / 7) / 4, 10);
    // beyond k, the reciprocal rank is 0
    expect(mrrAt(ranks, 5)).toBeCloseTo((1 + 1 / 2) / 4, 10);
    expect(recallAt([], 1)).toBe(0);
  });

  it("percentile uses nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });
});

describe("containsAnswer", () => {
  it.each<[string, string[], string[], boolean]>([
    ["a plain substring", ["梅雨は5月から7月にかけて見られる。"], ["5月から7月"], true],
    ["full-width digits in the text meet ASCII in the answer (NFKC)", ["２００５年に公開された。"], ["2005年"], true],
    ["half-width katakana in the answer meet katakana in the text (NFKC)", ["サーバーを増やした。"], ["ｻｰﾊﾞｰ"], true],
    ["any of several gold answers", ["東アジアで見られる。"], ["小笠原諸島", "東アジア"], true],
    ["an answer that is not there", ["梅雨は雨季の一種である。"], ["乾季"], false],
    ["no key points", [], ["雨季"], false],
  ])("%s", (_why, texts, answers, expected) => {
    expect(containsAnswer(texts, answers)).toBe(expected);
  });
});

describe("rouge", () => {
  it("scores identical sequences 1 and disjoint ones 0", () => {
    const same = rouge([..."梅雨前線"], [..."梅雨前線"]);
    expect(same.rouge1.f1).toBe(1);
    expect(same.rouge2.f1).toBe(1);
    expect(same.rougeL.f1).toBe(1);
    const none = rouge([..."富士山"], [..."梅雨"]);
    expect([none.rouge1.f1, none.rouge2.f1, none.rougeL.f1]).toEqual([0, 0, 0]);
  });

  it("matches a hand-computed example", () => {
    // candidate ABCDE, reference ACEX: unigrams shared A C E (3/5, 3/4), no shared bigram, LCS ACE = 3
    const r = rouge([..."ABCDE"], [..."ACEX"]);
    expect(r.rouge1.precision).toBeCloseTo(3 / 5, 10);
    expect(r.rouge1.recall).toBeCloseTo(3 / 4, 10);
    expect(r.rouge2.f1).toBe(0);
    expect(r.rougeL.recall).toBeCloseTo(3 / 4, 10);
    expect(r.rougeL.f1).toBeCloseTo((2 * 0.6 * 0.75) / (0.6 + 0.75), 10);
  });

  it("counts a repeated n-gram of the candidate only as often as the reference has it", () => {
    const r = rouge([..."ああああ"], [..."あい"]);
    expect(r.rouge1.precision).toBeCloseTo(1 / 4, 10);
    expect(r.rouge1.recall).toBeCloseTo(1 / 2, 10);
  });

  it("lcsLength is the longest common subsequence", () => {
    expect(lcsLength([..."ABCBDAB"], [..."BDCABA"])).toBe(4);
    expect(lcsLength([], [..."abc"])).toBe(0);
  });
});
