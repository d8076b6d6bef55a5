import { describe, expect, it } from "vitest";
import { keyPointsOf } from "../../src/answer/answer.ts";
import type { KeyPoint } from "../../src/answer/types.ts";
import { point } from "../helpers/key-point.ts";

// 「「さみだれ」の漢字表記は？」: three sentences say 漢字 and 表記, the one that answers says さみだれ
const weights = new Map([
  ["漢字", 1],
  ["表記", 1],
  ["さみだれ", 2],
]);
const origin = point("tsuyu", "漢字表記「梅雨」の語源としては、梅の実が熟す頃であることからという説がある。", 1);
const portugal = point("portugal", "漢字表記は葡萄牙で、葡と略される。", 0.85);
const spread = point("portugal", "幕末期より、日本でも葡萄牙の漢字表記が優勢となっている。", 0.84);
const answer = point("tsuyu", "このほかに、旧暦5月頃に由来する「五月雨（さみだれ）」などの別名がある。", 0.75);
const terms = new Map<KeyPoint, Set<string>>([
  [origin, new Set(["漢字", "表記"])],
  [portugal, new Set(["漢字", "表記"])],
  [spread, new Set(["漢字", "表記"])],
  [answer, new Set(["さみだれ"])],
]);
const termsOf = (k: KeyPoint) => terms.get(k) ?? new Set<string>();
const choose = (ranked: KeyPoint[], lead: KeyPoint[], max: number) =>
  keyPointsOf(ranked, lead, max, termsOf, weights, 4);

describe("the key points among the ranked sentences", () => {
  it("are the best first, then each the best by its score and the question's words it says that no one before does", () => {
    // さみだれ, a third of the question's weight, is said by no sentence before: 0.75 + 0.3 × 2/4 beats 0.85
    expect(choose([origin, portugal, spread, answer], [], 3)).toEqual([origin, answer, portugal]);
  });

  it("are in their rank where the others say nothing new, or one is asked for", () => {
    expect(choose([origin, portugal, spread], [], 3)).toEqual([origin, portugal, spread]);
    expect(choose([origin, portugal, spread, answer], [], 1)).toEqual([origin]);
    expect(choose([], [], 3)).toEqual([]);
  });

  it("keep the lead's sentences first, in order, when the lead is asked for", () => {
    // the lead's come first though another scores better; then the best by score and what it adds
    expect(choose([portugal, spread, origin, answer], [portugal, spread], 3)).toEqual([portugal, spread, origin]);
    expect(choose([spread, origin, portugal, answer], [spread], 3)).toEqual([spread, origin, answer]);
  });
});
